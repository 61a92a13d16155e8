import type { Analyzer, ImageFilesystemView, LayerEntry, LayerInfo } from '../analyzer.js';
import { parseControlFile } from './control.js';
import { FileHistory, introducedIn } from './history.js';
import type { InventoryProblem, PackageRecord, PackagesResult } from './model.js';

/** One package paragraph of dpkg's database. */
export interface DpkgEntry {
  name: string;
  version: string;
  arch: string;
  sourceName: string;
  sourceVersion: string;
  /** The `Status:` field's state word (installed, config-files, half-installed, …). */
  state: string;
}

export const DPKG_STATUS = 'var/lib/dpkg/status';
export const DPKG_STATUS_D = 'var/lib/dpkg/status.d/';

/**
 * Reads dpkg's `status` file (or one distroless `status.d/` file, where paragraphs have no `Status:`
 * and every package listed is installed). Returns what `dpkg-query -W` lists: every package but the
 * `not-installed` ones (so `config-files` remnants too; see `hasFilesOnDisk`).
 */
export function parseDpkgStatus(text: string, options: { statusOptional?: boolean } = {}): DpkgEntry[] {
  const entries: DpkgEntry[] = [];
  for (const { fields, line } of parseControlFile(text)) {
    const name = fields.get('package');
    if (!name) throw new Error(`line ${line}: paragraph without a Package field`);
    const status = fields.get('status');
    let state = 'installed';
    if (status !== undefined) {
      const words = status.split(/\s+/);
      if (words.length !== 3) throw new Error(`line ${line}: malformed Status "${status}" of ${name}`);
      state = words[2]!;
    } else if (!options.statusOptional) continue;
    if (state === 'not-installed') continue;
    const version = fields.get('version') ?? '';
    const arch = fields.get('architecture') ?? '';
    const source = fields.get('source') ?? '';
    // `Source: name (version)` when the source version differs from the binary's.
    const match = /^(\S+)(?:\s+\(([^)]+)\))?$/.exec(source);
    entries.push({
      name,
      version,
      arch,
      sourceName: match?.[1] ?? name,
      sourceVersion: match?.[2] ?? version,
      state,
    });
  }
  return entries;
}

/** Whether a package's files are on disk: a removed package whose config files remain has none. */
export function hasFilesOnDisk(entry: DpkgEntry): boolean {
  return entry.state !== 'config-files';
}

function toRecord(entry: DpkgEntry, path: string, layer: number, layerDigest: string): PackageRecord {
  return {
    type: 'deb',
    name: entry.name,
    version: entry.version,
    arch: entry.arch || undefined,
    source: { name: entry.sourceName, version: entry.sourceVersion },
    path,
    layer,
    layerDigest,
  };
}

function isStatusD(path: string): boolean {
  return (
    path.startsWith(DPKG_STATUS_D) &&
    !path.endsWith('.md5sums') &&
    path.indexOf('/', DPKG_STATUS_D.length) === -1
  );
}

/** dpkg packages (status and distroless status.d), each attributed to the layer that installed it. */
export function createDpkgAnalyzer(): Analyzer<PackagesResult> {
  const history = new FileHistory<Map<string, DpkgEntry> | null>();
  const problems: InventoryProblem[] = [];
  return {
    name: 'packages:dpkg',
    maxBytes: 256 * 1024 * 1024,
    wants(entry: LayerEntry): boolean {
      const path = entry.path;
      return path === DPKG_STATUS || (path.startsWith(DPKG_STATUS_D) && isStatusD(path));
    },
    onEntry(entry: LayerEntry, content: Buffer, layer: LayerInfo): void {
      try {
        const entries = parseDpkgStatus(content.toString('utf8'), {
          statusOptional: entry.path !== DPKG_STATUS,
        });
        const installed = entries.filter(hasFilesOnDisk);
        history.add(entry.path, layer, new Map(installed.map((e) => [`${e.name}:${e.arch}`, e])));
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
        for (const [key, entry] of final) {
          const first = introducedIn(versions, (v) => v?.get(key)?.version === entry.version);
          packages.push(toRecord(entry, path, first.layer, first.layerDigest));
        }
      }
      return { packages, problems };
    },
  };
}
