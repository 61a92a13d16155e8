import type { LayerFilesystem } from './filesystem.js';
import type { FsNode } from './fs-node.js';

/**
 * dive's image efficiency, computed exactly as dive defines it (see docs/image.md, "Waste"):
 *
 * - Each layer is a tree of its tar entries; only its leaves are visited (paths with no entry below
 *   them in that layer). A leaf adds its size to its path's statistics; a whiteout `.wh.X` adds the
 *   size of what it deletes when X was a folder (sum of the folder's files), else 0.
 * - Per path: cumulative = sum of the sizes seen, minimum = the smallest one.
 * - efficiency = Σ minimum / Σ cumulative over all paths (1 when nothing was seen).
 * - wasted bytes = Σ cumulative over the paths seen in two or more layers.
 * - user wasted percent = wasted bytes / Σ layer sizes of every layer but the first, where a layer's
 *   size is the sum of its entries' sizes.
 *
 * dive ignores `.wh..wh..opq` markers, so folders emptied that way count no waste; a whiteout of a path
 * no lower layer has makes dive stop visiting that layer (a logged error); here it counts 0 and the
 * layer's other paths are still visited.
 */
export interface DiveEfficiency {
  efficiency: number;
  wastedBytes: number;
  userSizeBytes: number;
  sizeBytes: number;
  /** wastedBytes / userSizeBytes; 0 when the image has no layer past the first. */
  userWastedPercent: number;
  /** Paths seen in two or more layers, largest cumulative size first (at most `limit`). */
  inefficiencies: Inefficiency[];
  inefficientPaths: number;
}

export interface Inefficiency {
  path: string;
  /** Sum of the sizes of every occurrence. */
  cumulativeSize: number;
  /** How many layers named the path. */
  occurrences: number;
}

export function diveEfficiency(
  fs: LayerFilesystem,
  layerSizes: readonly number[],
  limit = 50,
): DiveEfficiency {
  let minimum = 0;
  let discovered = 0;
  let wasted = 0;
  let inefficientPaths = 0;
  const worst: FsNode[] = [];
  fs.forEachNode((node) => {
    if (node.diveCount === 0) return;
    minimum += node.diveMin;
    discovered += node.diveCum;
    if (node.diveCount >= 2) {
      wasted += node.diveCum;
      inefficientPaths++;
      if (node.diveCum > 0) worst.push(node);
    }
  });
  worst.sort((a, b) => b.diveCum - a.diveCum || (a.path < b.path ? -1 : 1));
  const sizeBytes = layerSizes.reduce((a, b) => a + b, 0);
  const userSizeBytes = sizeBytes - (layerSizes[0] ?? 0);
  return {
    efficiency: discovered === 0 ? 1 : minimum / discovered,
    wastedBytes: wasted,
    userSizeBytes,
    sizeBytes,
    userWastedPercent: userSizeBytes === 0 ? 0 : wasted / userSizeBytes,
    inefficiencies: worst.slice(0, limit).map((n) => ({
      path: `/${n.path}`,
      cumulativeSize: n.diveCum,
      occurrences: n.diveCount,
    })),
    inefficientPaths,
  };
}
