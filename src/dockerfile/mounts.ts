import type { Flag } from './model.js';

/** A `RUN --mount=…` flag read into its options (`type` defaults to `bind`, as in BuildKit). */
export interface Mount {
  type: 'bind' | 'cache' | 'tmpfs' | 'secret' | 'ssh' | string;
  target: string | null;
  source: string | null;
  from: string | null;
  id: string | null;
  options: Record<string, string>;
  flag: Flag;
}

const TARGET_KEYS = ['target', 'dst', 'destination'];
const SOURCE_KEYS = ['source', 'src'];

/** Reads a mount's comma-separated `key=value` list; CSV quoting (`"a,b"`) is honoured. */
export function parseMount(flag: Flag): Mount {
  const options: Record<string, string> = {};
  for (const field of splitCsv(flag.value ?? '')) {
    const eq = field.indexOf('=');
    const key = (eq === -1 ? field : field.slice(0, eq)).trim().toLowerCase();
    if (!key) continue;
    options[key] = eq === -1 ? 'true' : field.slice(eq + 1).trim();
  }
  const pick = (keys: string[]) => {
    for (const k of keys) if (options[k] !== undefined) return options[k]!;
    return null;
  };
  return {
    type: (options.type ?? 'bind').toLowerCase(),
    target: pick(TARGET_KEYS),
    source: pick(SOURCE_KEYS),
    from: options.from ?? null,
    id: options.id ?? null,
    options,
    flag,
  };
}

function splitCsv(text: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') {
      if (quoted && text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = !quoted;
    } else if (c === ',' && !quoted) {
      out.push(field);
      field = '';
    } else field += c;
  }
  out.push(field);
  return out;
}

/** All mounts of a RUN instruction's flags. */
export function mountsOf(flags: readonly Flag[]): Mount[] {
  const out: Mount[] = [];
  for (const f of flags) if (f.name === 'mount') out.push(parseMount(f));
  return out;
}
