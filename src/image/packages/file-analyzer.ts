import type { Analyzer, ImageFilesystemView, LayerEntry, LayerInfo } from '../analyzer.js';
import { FileHistory } from './history.js';
import type { InventoryProblem, PackageRecord, PackagesResult } from './model.js';

/** What a per-file reader finds in one file (package fields without evidence). */
export type FoundPackage = Omit<PackageRecord, 'layer' | 'layerDigest' | 'path'> & { path?: string };

export interface FileReader {
  name: string;
  maxBytes: number;
  wants(entry: LayerEntry): boolean;
  /** The packages one file records; throws with a clear message when the file is malformed. */
  read(path: string, content: Buffer): FoundPackage[];
}

/**
 * An analyzer for ecosystems where each file records its own packages (Python metadata, package.json,
 * Java archives): the packages of each file still present in the final image, attributed to the layer
 * that wrote that file last.
 */
export function createFileAnalyzer(reader: FileReader): Analyzer<PackagesResult> {
  const history = new FileHistory<FoundPackage[]>();
  const problems: InventoryProblem[] = [];
  return {
    name: reader.name,
    maxBytes: reader.maxBytes,
    wants: reader.wants,
    onEntry(entry: LayerEntry, content: Buffer, layer: LayerInfo): void {
      try {
        history.add(entry.path, layer, reader.read(entry.path, content));
      } catch (error) {
        problems.push({ path: entry.path, layer: layer.index, message: (error as Error).message });
        history.add(entry.path, layer, []);
      }
    },
    finish(fs: ImageFilesystemView): PackagesResult {
      return { packages: finalPackages(history, fs), problems };
    },
  };
}

export function finalPackages(
  history: FileHistory<FoundPackage[]>,
  fs: ImageFilesystemView,
): PackageRecord[] {
  const packages: PackageRecord[] = [];
  for (const { path, versions } of history.final(fs)) {
    const last = versions[versions.length - 1]!;
    for (const found of last.value) {
      packages.push({ ...found, path: found.path ?? path, layer: last.layer, layerDigest: last.layerDigest });
    }
  }
  return packages;
}
