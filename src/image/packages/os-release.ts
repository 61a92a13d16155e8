import type { Analyzer, ImageFilesystemView, LayerEntry, LayerInfo } from '../analyzer.js';
import { FileHistory } from './history.js';
import type { OsInfo } from './model.js';

export const OS_RELEASE_PATHS = ['etc/os-release', 'usr/lib/os-release'] as const;

/** Reads os-release(5): `KEY=value` lines, values optionally quoted with shell-style escapes. */
export function parseOsRelease(text: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    if (eq <= 0) continue;
    const key = line.slice(0, eq);
    if (!/^[A-Z0-9_]+$/.test(key)) continue;
    values.set(key, unquote(line.slice(eq + 1)));
  }
  return values;
}

function unquote(value: string): string {
  const quote = value[0];
  if ((quote === '"' || quote === "'") && value.endsWith(quote) && value.length >= 2) {
    const inner = value.slice(1, -1);
    return quote === '"' ? inner.replace(/\\([$"\\`])/g, '$1') : inner;
  }
  return value;
}

export function osInfoFrom(values: Map<string, string>, path: string, layer: number): OsInfo | null {
  const id = values.get('ID')?.toLowerCase();
  if (!id) return null;
  return {
    id,
    versionId: values.get('VERSION_ID') ?? '',
    versionCodename: values.get('VERSION_CODENAME') ?? '',
    idLike: (values.get('ID_LIKE') ?? '').split(/\s+/).filter(Boolean),
    prettyName: values.get('PRETTY_NAME') ?? id,
    path,
    layer,
  };
}

/** The image's OS from /etc/os-release, falling back to /usr/lib/os-release (os-release(5)). */
export function createOsReleaseAnalyzer(): Analyzer<OsInfo | null> {
  const history = new FileHistory<Map<string, string>>();
  return {
    name: 'packages:os-release',
    maxBytes: 64 * 1024,
    wants(entry: LayerEntry): boolean {
      return entry.path === 'etc/os-release' || entry.path === 'usr/lib/os-release';
    },
    onEntry(entry: LayerEntry, content: Buffer, layer: LayerInfo): void {
      history.add(entry.path, layer, parseOsRelease(content.toString('utf8')));
    },
    finish(fs: ImageFilesystemView): OsInfo | null {
      const found = history.final(fs);
      for (const path of OS_RELEASE_PATHS) {
        const file = found.find((f) => f.path === path);
        if (!file) continue;
        const last = file.versions[file.versions.length - 1]!;
        const os = osInfoFrom(last.value, path, last.layer);
        if (os) return os;
      }
      return null;
    },
  };
}
