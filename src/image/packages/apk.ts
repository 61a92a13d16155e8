import type { Analyzer, ImageFilesystemView, LayerEntry, LayerInfo } from '../analyzer.js';
import { FileHistory, introducedIn } from './history.js';
import type { InventoryProblem, PackageRecord, PackagesResult } from './model.js';

export const APK_INSTALLED = 'lib/apk/db/installed';

export interface ApkEntry {
  name: string;
  version: string;
  arch: string;
  /** `o:` the origin (source) package. */
  origin: string;
  license: string;
}

/**
 * Reads apk's installed database: one paragraph per package, `X:value` lines (P name, V version,
 * A arch, o origin, L license), paragraphs separated by blank lines.
 */
export function parseApkInstalled(text: string): ApkEntry[] {
  const entries: ApkEntry[] = [];
  let current: Partial<ApkEntry> | null = null;
  let startLine = 0;
  const flush = () => {
    if (!current) return;
    if (!current.name || !current.version)
      throw new Error(`line ${startLine}: package without ${current.name ? 'V:' : 'P:'} line`);
    entries.push({
      name: current.name,
      version: current.version,
      arch: current.arch ?? '',
      origin: current.origin ?? current.name,
      license: current.license ?? '',
    });
    current = null;
  };
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '' || line === '\r') {
      flush();
      continue;
    }
    if (line[1] !== ':') throw new Error(`line ${i + 1}: expected "X:value", found "${line.slice(0, 40)}"`);
    if (!current) {
      current = {};
      startLine = i + 1;
    }
    const value = line.slice(2).trimEnd();
    switch (line[0]) {
      case 'P':
        current.name = value;
        break;
      case 'V':
        current.version = value;
        break;
      case 'A':
        current.arch = value;
        break;
      case 'o':
        current.origin = value;
        break;
      case 'L':
        current.license = value;
        break;
      default:
        break;
    }
  }
  flush();
  return entries;
}

/** Alpine packages from /lib/apk/db/installed, each attributed to the layer that installed it. */
export function createApkAnalyzer(): Analyzer<PackagesResult> {
  const history = new FileHistory<Map<string, ApkEntry> | null>();
  const problems: InventoryProblem[] = [];
  return {
    name: 'packages:apk',
    maxBytes: 256 * 1024 * 1024,
    wants(entry: LayerEntry): boolean {
      return entry.path === APK_INSTALLED;
    },
    onEntry(entry: LayerEntry, content: Buffer, layer: LayerInfo): void {
      try {
        const entries = parseApkInstalled(content.toString('utf8'));
        history.add(entry.path, layer, new Map(entries.map((e) => [e.name, e])));
      } catch (error) {
        problems.push({ path: entry.path, layer: layer.index, message: (error as Error).message });
        history.add(entry.path, layer, null);
      }
    },
    finish(fs: ImageFilesystemView): PackagesResult {
      const packages: PackageRecord[] = [];
      for (const { path, versions } of history.final(fs)) {
        const final = versions[versions.length - 1]!.value;
        if (!final) continue;
        for (const [name, e] of final) {
          const first = introducedIn(versions, (v) => v?.get(name)?.version === e.version);
          packages.push({
            type: 'apk',
            name: e.name,
            version: e.version,
            arch: e.arch || undefined,
            source: { name: e.origin, version: e.version },
            license: e.license || undefined,
            path,
            layer: first.layer,
            layerDigest: first.layerDigest,
          });
        }
      }
      return { packages, problems };
    },
  };
}
