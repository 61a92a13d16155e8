/** A service volume in short syntax (`[SOURCE:]TARGET[:MODE]`), read as Compose reads it. */
export interface VolumeSpec {
  /** Host path or volume name; null for an anonymous volume. */
  source: string | null;
  target: string;
  /** Comma-separated options after the target (`ro`, `rw`, `z`, `ro,z`…). */
  mode: string | null;
  /** `bind` when the source is a host path, `volume` for a named or anonymous volume. */
  type: 'bind' | 'volume';
}

const WINDOWS_DRIVE = /^[a-zA-Z]:[\\/]/;

/** Whether a volume source is a host path (bind mount) rather than a volume name. */
export function isHostPath(source: string): boolean {
  return (
    source.startsWith('/') ||
    source.startsWith('.') ||
    source.startsWith('~') ||
    source.startsWith('\\\\') ||
    source.startsWith('$') ||
    WINDOWS_DRIVE.test(source)
  );
}

/** Splits on `:` but keeps Windows drive letters (`C:\data:/data`) with their path. */
function splitVolume(spec: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < spec.length; i++) {
    const c = spec[i]!;
    if (c === ':') {
      const next = spec[i + 1];
      if (current.length === 1 && /[a-zA-Z]/.test(current) && (next === '\\' || next === '/')) {
        current += c;
        continue;
      }
      parts.push(current);
      current = '';
      continue;
    }
    current += c;
  }
  parts.push(current);
  return parts;
}

export function parseVolume(spec: string): VolumeSpec | null {
  const s = spec.trim();
  if (!s) return null;
  const parts = splitVolume(s);
  if (parts.length === 1) return { source: null, target: parts[0]!, mode: null, type: 'volume' };
  const source = parts[0]!;
  const target = parts[1]!;
  const mode = parts.length > 2 ? parts.slice(2).join(':') : null;
  return { source, target, mode, type: isHostPath(source) ? 'bind' : 'volume' };
}

/** Whether mount options make a mount read-only. */
export function isReadOnlyMode(mode: string | null): boolean {
  return mode?.split(',').some((o) => o.trim() === 'ro') ?? false;
}
