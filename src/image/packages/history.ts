import type { ImageFilesystemView, LayerInfo } from '../analyzer.js';

/** One version of a file, as one layer wrote it, reduced to what an analyzer keeps (`T`). */
export interface FileVersion<T> {
  layer: number;
  layerDigest: string;
  value: T;
}

/**
 * The versions of the files an analyzer reads, by path, in layer order. At the end only files that
 * still exist in the final image count, in the version of the layer that wrote them last (a later
 * layer's deletion or replacement wins); earlier versions tell when something first appeared.
 */
export class FileHistory<T> {
  private readonly byPath = new Map<string, Array<FileVersion<T>>>();

  add(path: string, layer: LayerInfo, value: T): void {
    let versions = this.byPath.get(path);
    if (!versions) this.byPath.set(path, (versions = []));
    // The same path twice in one layer: the later tar entry wins, as when extracting.
    if (versions.length > 0 && versions[versions.length - 1]!.layer === layer.index) versions.pop();
    versions.push({ layer: layer.index, layerDigest: layer.digest, value });
  }

  /** For each path present in the final image: all versions up to and including the final one. */
  final(fs: ImageFilesystemView): Array<{ path: string; versions: Array<FileVersion<T>> }> {
    const result: Array<{ path: string; versions: Array<FileVersion<T>> }> = [];
    for (const [path, versions] of this.byPath) {
      const entry = fs.get(path);
      if (!entry) continue;
      const last = versions.findLastIndex((v) => v.layer === entry.layer);
      // The final file came from a layer whose content we did not keep (too large, unreadable).
      if (last === -1) continue;
      result.push({ path, versions: versions.slice(0, last + 1) });
    }
    result.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return result;
  }
}

/**
 * The layer that introduced an item still present in the final version: walking back from the final
 * version while earlier versions hold the same item (same key), the earliest of that unbroken run.
 */
export function introducedIn<T>(
  versions: ReadonlyArray<FileVersion<T>>,
  has: (value: T) => boolean,
): FileVersion<T> {
  let i = versions.length - 1;
  while (i > 0 && has(versions[i - 1]!.value)) i--;
  return versions[i]!;
}
