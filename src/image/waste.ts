import { CACHE_INFO, type CacheCategory, classifyLeftover } from './caches.js';
import type { HiddenSink, LayerFilesystem } from './filesystem.js';
import type { FsNode } from './fs-node.js';

export type WasteKind = 'deleted' | 'overwritten' | 'cache';

/** Bytes one layer put in the image that do not serve the final filesystem, grouped by cause. */
export interface WasteGroup {
  kind: WasteKind;
  /** For `cache`: what kind of leftover. */
  category: CacheCategory | null;
  /** Layer that added the bytes (0-based). */
  layer: number;
  /** Layer that deleted or overwrote them; null for leftovers still in the image. */
  by: number | null;
  bytes: number;
  files: number;
  /** Deepest folder common to the files (`/var/lib/apt/lists`). */
  root: string;
  /** The largest files, at most five. */
  largest: Array<{ path: string; size: number }>;
}

export interface LayerWaste {
  /** Bytes of this layer that later layers deleted or overwrote. */
  hiddenBytes: number;
  /** Bytes of package caches and temporary files this layer left in the final image. */
  leftoverBytes: number;
}

/** Our own accounting: every byte that a layer stores but the final image does not need. */
export interface WasteSummary {
  groups: WasteGroup[];
  layers: LayerWaste[];
  hiddenBytes: number;
  leftoverBytes: number;
  totalBytes: number;
  /** 1 − totalBytes / Σ layer sizes (1 for an image without waste). */
  efficiency: number;
}

function commonRoot(a: string, b: string): string {
  const pa = a.split('/');
  const pb = b.split('/');
  let i = 0;
  while (i < pa.length - 1 && i < pb.length - 1 && pa[i] === pb[i]) i++;
  return pa.slice(0, i).join('/');
}

function dirOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? '' : path.slice(0, slash);
}

/** Collects hidden files from the layer filesystem, then leftovers from the final filesystem. */
export class WasteLedger implements HiddenSink {
  private readonly groups = new Map<string, WasteGroup>();

  hidden(node: FsNode, path: string, by: number, kind: 'deleted' | 'overwritten', root: string): void {
    if (node.isDir || node.layer < 0) return;
    this.add(kind, null, node.layer, by, path, node.size, root);
  }

  private add(
    kind: WasteKind,
    category: CacheCategory | null,
    layer: number,
    by: number | null,
    path: string,
    size: number,
    root: string,
  ): void {
    const key = `${kind}|${category ?? ''}|${layer}|${by ?? ''}`;
    let g = this.groups.get(key);
    if (!g) {
      g = { kind, category, layer, by, bytes: 0, files: 0, root, largest: [] };
      this.groups.set(key, g);
    } else if (!path.startsWith(`${g.root}/`) && path !== g.root) {
      g.root = commonRoot(`${g.root}/x`, path);
    }
    g.bytes += size;
    g.files++;
    if (g.largest.length < 5 || size > g.largest[g.largest.length - 1]!.size) {
      g.largest.push({ path: `/${path}`, size });
      g.largest.sort((a, b) => b.size - a.size);
      if (g.largest.length > 5) g.largest.pop();
    }
  }

  /** Adds the package caches and temporary files of the final filesystem. */
  collectLeftovers(fs: LayerFilesystem): void {
    for (const [path, node] of fs.entries()) {
      if (node.type !== 'file') continue;
      const category = classifyLeftover(path);
      if (category) this.add('cache', category, node.layer, null, path, node.size, dirOf(path));
    }
  }

  summary(layerSizes: readonly number[]): WasteSummary {
    const layers: LayerWaste[] = layerSizes.map(() => ({ hiddenBytes: 0, leftoverBytes: 0 }));
    let hidden = 0;
    let leftover = 0;
    const groups = [...this.groups.values()].filter((g) => g.bytes > 0);
    for (const g of groups) {
      g.root = `/${g.root}`;
      const l = layers[g.layer];
      if (g.kind === 'cache') {
        leftover += g.bytes;
        if (l) l.leftoverBytes += g.bytes;
      } else {
        hidden += g.bytes;
        if (l) l.hiddenBytes += g.bytes;
      }
    }
    groups.sort((a, b) => b.bytes - a.bytes || a.layer - b.layer);
    const total = layerSizes.reduce((a, b) => a + b, 0);
    return {
      groups,
      layers,
      hiddenBytes: hidden,
      leftoverBytes: leftover,
      totalBytes: hidden + leftover,
      efficiency: total === 0 ? 1 : 1 - (hidden + leftover) / total,
    };
  }
}

export function describeCategory(category: CacheCategory): string {
  return CACHE_INFO[category].label;
}
