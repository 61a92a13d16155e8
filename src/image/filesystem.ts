import type { ImageFilesystemView, LayerEntry } from './analyzer.js';
import { FsNode, forEachNode, presentDescendants } from './fs-node.js';
import { EntryError } from './tar-entry.js';

const WHITEOUT = '.wh.';
const OPAQUE = '.wh..wh..opq';
const MAX_SYMLINK_HOPS = 40;

/** Per-layer counts of what the layer did to the filesystem below it (folders not counted as files). */
export interface LayerFsStats {
  index: number;
  entries: number;
  /** Sum of the sizes of the layer's entries (dive's layer size). */
  fileBytes: number;
  added: number;
  addedBytes: number;
  changed: number;
  changedBytes: number;
  /** Files of lower layers this layer deleted (whiteouts, opaque folders), and their bytes. */
  deleted: number;
  deletedBytes: number;
  whiteouts: number;
  opaqueDirs: number;
}

export type AnomalyKind = 'duplicate-entry' | 'symlink-loop' | 'whiteout-without-target';

export interface Anomaly {
  kind: AnomalyKind;
  layer: number;
  path: string;
}

/** Receives the files of lower layers that a layer hides (the raw material of waste accounting). */
export interface HiddenSink {
  hidden(node: FsNode, path: string, by: number, kind: 'deleted' | 'overwritten', root: string): void;
}

function newStats(index: number): LayerFsStats {
  return {
    index,
    entries: 0,
    fileBytes: 0,
    added: 0,
    addedBytes: 0,
    changed: 0,
    changedBytes: 0,
    deleted: 0,
    deletedBytes: 0,
    whiteouts: 0,
    opaqueDirs: 0,
  };
}

/**
 * The union filesystem of an image, built layer by layer from tar entries with OCI whiteout semantics
 * (`.wh.<name>` deletes `<name>` of lower layers, `.wh..wh..opq` hides a folder's lower content).
 * It also gathers dive's per-path statistics at each layer's end (see efficiency.ts).
 */
export class LayerFilesystem {
  readonly root = new FsNode('', null);
  readonly stats: LayerFsStats[] = [];
  readonly anomalies: Anomaly[] = [];
  private layer = -1;
  private current: LayerFsStats = newStats(-1);
  private touchedNodes: FsNode[] = [];
  private whiteoutVisits: Array<[FsNode, number]> = [];
  private lastDirPath = '\0';
  private lastDir: FsNode = this.root;
  private anomalyCount = 0;

  constructor(private readonly sink: HiddenSink | null = null) {}

  beginLayer(index: number): void {
    this.layer = index;
    this.current = newStats(index);
    this.stats[index] = this.current;
    this.touchedNodes = [];
    this.whiteoutVisits = [];
    this.lastDirPath = '\0';
  }

  /** Ends a layer: dive visits the leaves of the layer's own tree (paths with nothing named below them). */
  endLayer(): LayerFsStats {
    const L = this.layer;
    for (const node of this.touchedNodes) if (node.childTouched !== L) diveVisit(node, node.touchSize);
    for (const [node, size] of this.whiteoutVisits) diveVisit(node, size);
    this.touchedNodes = [];
    this.whiteoutVisits = [];
    return this.current;
  }

  /** Applies one entry of the current layer. Returns the node written, or null for whiteouts. */
  apply(entry: LayerEntry): FsNode | null {
    const L = this.layer;
    const stats = this.current;
    stats.entries++;
    stats.fileBytes += entry.size;
    const slash = entry.path.lastIndexOf('/');
    const dirPath = slash === -1 ? '' : entry.path.slice(0, slash);
    const name = slash === -1 ? entry.path : entry.path.slice(slash + 1);
    const dir = this.dirFor(dirPath);
    // dive drops opaque markers from its layer trees, so they make no folder a non-leaf.
    if (name !== OPAQUE) dir.childTouched = L;
    if (name.startsWith(WHITEOUT)) {
      if (name === OPAQUE) this.opaque(dir, dirPath);
      else this.whiteout(dir, dirPath, name.slice(WHITEOUT.length));
      return null;
    }
    if (entry.type === 'hardlink' && !this.exists(entry.linkname!))
      throw new EntryError(`hard link ${entry.path} points to ${entry.linkname}, which does not exist`);
    let node = dir.child(name);
    if (node?.present) {
      if (node.layer === L && node.touched === L && !node.isDir && entry.type !== 'dir') {
        this.anomaly('duplicate-entry', entry.path);
        this.sink?.hidden(node, entry.path, L, 'overwritten', entry.path);
      } else if (node.layer < L || node.implicit) {
        if (entry.type !== 'dir' || !node.isDir) {
          if (!node.isDir) {
            stats.changed++;
            stats.changedBytes += entry.size;
            this.sink?.hidden(node, entry.path, L, 'overwritten', entry.path);
          } else {
            this.removeBelow(node, entry.path, 'overwritten', entry.path);
            stats.added++;
            stats.addedBytes += entry.size;
          }
        }
      }
      if (node.isDir && entry.type !== 'dir') node.children = null;
    } else {
      node ??= dir.addChild(name, L);
      if (entry.type !== 'dir') {
        stats.added++;
        stats.addedBytes += entry.size;
      }
    }
    node.stamp(L);
    node.setEntry(entry, L);
    this.touch(node, entry.size);
    return node;
  }

  private forgetDirCache(): void {
    this.lastDirPath = '\0';
  }

  private touch(node: FsNode, size: number): void {
    if (node.touched !== this.layer) this.touchedNodes.push(node);
    node.touched = this.layer;
    node.touchSize = size;
  }

  /** The folder at `dirPath`, created (implicitly) when missing; marks its ancestors as having a child in this layer. */
  private dirFor(dirPath: string): FsNode {
    if (dirPath === this.lastDirPath) return this.lastDir;
    const L = this.layer;
    let node = this.root;
    if (dirPath !== '') {
      for (const part of dirPath.split('/')) {
        node.childTouched = L;
        let next = node.child(part);
        if (!next) {
          next = node.addChild(part, L);
          next.implicit = true;
          next.layer = L;
        } else if (!next.present || !next.isDir) {
          next.stamp(L);
          if (next.present) this.sink?.hidden(next, next.path, L, 'overwritten', next.path);
          next.type = 'dir';
          next.size = 0;
          next.linkname = null;
          next.present = true;
          next.implicit = true;
          next.layer = L;
        }
        node = next;
      }
    }
    this.lastDirPath = dirPath;
    this.lastDir = node;
    return node;
  }

  private whiteout(dir: FsNode, dirPath: string, name: string): void {
    const L = this.layer;
    this.current.whiteouts++;
    const path = dirPath ? `${dirPath}/${name}` : name;
    let node = dir.child(name);
    // dive sizes a whiteout on the filesystem as it was before this layer: a folder's files, else 0.
    const diveSize =
      node?.wasPresent(L) && (node.beforeLayer === L ? node.beforeDir : node.isDir) ? sizeBefore(node, L) : 0;
    if (node?.present && node.layer < L) {
      this.removeBelow(node, path, 'deleted', path);
      if (!(node.isDir && hasPresentChild(node))) this.hide(node, path, 'deleted', path);
    } else if (!node?.present) {
      this.anomaly('whiteout-without-target', path);
    }
    if (!node) {
      node = dir.addChild(name, L);
      node.present = false;
    }
    if (!node.present) node.layer = L;
    this.forgetDirCache();
    this.whiteoutVisits.push([node, diveSize]);
  }

  private opaque(dir: FsNode, dirPath: string): void {
    this.current.opaqueDirs++;
    if (dir.touched !== this.layer) this.touch(dir, 0);
    this.removeBelow(dir, dirPath, 'deleted', dirPath);
    this.forgetDirCache();
  }

  /** Removes what lower layers put below `node` (nodes the current layer wrote stay). */
  private removeBelow(node: FsNode, path: string, kind: 'deleted' | 'overwritten', root: string): void {
    if (!node.children) return;
    for (const [name, child] of node.children) {
      if (!child.present) continue;
      const childPath = path ? `${path}/${name}` : name;
      if (child.isDir) this.removeBelow(child, childPath, kind, root);
      if (child.layer < this.layer && !(child.isDir && hasPresentChild(child)))
        this.hide(child, childPath, kind, root);
    }
  }

  private hide(node: FsNode, path: string, kind: 'deleted' | 'overwritten', root: string): void {
    node.stamp(this.layer);
    node.present = false;
    node.removedIn = this.layer;
    if (node.isDir) return;
    if (kind === 'deleted') {
      this.current.deleted++;
      this.current.deletedBytes += node.size;
    }
    this.sink?.hidden(node, path, this.layer, kind, root);
  }

  private anomaly(kind: AnomalyKind, path: string, layer = this.layer): void {
    this.anomalyCount++;
    // Keep a bounded sample: a hostile layer may repeat the same trick a million times.
    if (this.anomalies.length < 1000 && !this.anomalies.some((a) => a.kind === kind && a.path === path))
      this.anomalies.push({ kind, layer, path });
  }

  get anomalyTotal(): number {
    return this.anomalyCount;
  }

  /** The node of a path, present or deleted (a tombstone), without following symlinks. */
  lookupAny(path: string): FsNode | null {
    let node = this.root;
    for (const part of path.split('/')) {
      if (part === '' || part === '.') continue;
      const next = node.child(part);
      if (!next) return null;
      node = next;
    }
    return node;
  }

  /** The present node at a path, without following symlinks. */
  lookup(path: string): FsNode | null {
    let node = this.root;
    if (path === '' || path === '/') return node;
    for (const part of path.split('/')) {
      if (part === '' || part === '.') continue;
      const next = node.child(part);
      if (!next?.present) return null;
      node = next;
    }
    return node;
  }

  private exists(path: string): boolean {
    return this.lookup(path) !== null;
  }

  /**
   * Resolves a path in the final filesystem, following symlinks (in folders and, if `followLast`, at the
   * end) like the kernel, with at most 40 hops. Loops and dangling links resolve to null.
   */
  resolve(path: string, followLast = true): { node: FsNode; path: string } | null {
    const pending = path.split('/').filter((p) => p !== '' && p !== '.');
    pending.reverse();
    const stack: FsNode[] = [];
    let node = this.root;
    let hops = 0;
    while (pending.length > 0) {
      const part = pending.pop()!;
      if (part === '..') {
        node = stack.pop() ?? this.root;
        continue;
      }
      const next = node.child(part);
      if (!next?.present) return null;
      if (next.type === 'symlink' && (pending.length > 0 || followLast)) {
        if (++hops > MAX_SYMLINK_HOPS) {
          this.anomaly('symlink-loop', path, next.layer);
          return null;
        }
        const target = (next.linkname ?? '').split('/').filter((p) => p !== '' && p !== '.');
        if ((next.linkname ?? '').startsWith('/')) {
          node = this.root;
          stack.length = 0;
        }
        for (let i = target.length - 1; i >= 0; i--) pending.push(target[i]!);
        continue;
      }
      stack.push(node);
      node = next;
    }
    return { node, path: nodePath(node) };
  }

  /** Every present path of the final filesystem, parents first. */
  *entries(): Generator<[string, FsNode]> {
    yield* presentDescendants(this.root, '');
  }

  forEachNode(visit: (n: FsNode) => void): void {
    forEachNode(this.root, visit);
  }

  view(): ImageFilesystemView & FilesystemExtras {
    return {
      get: (path) => {
        const r = this.resolve(path, true);
        return r && r.node !== this.root ? r.node.toEntry(r.path) : null;
      },
      lstat: (path) => {
        const n = this.lookup(stripSlash(path));
        return n && n !== this.root ? n.toEntry(n.path) : null;
      },
      entries: () => mapEntries(this.entries()),
    };
  }
}

/** Additions to the analyzer contract's filesystem view (analyzer.ts `ImageFilesystemView`). */
export interface FilesystemExtras {
  /** The entry at a path without following a final symlink, or null. */
  lstat(path: string): (LayerEntry & { layer: number }) | null;
  /** Every entry of the final filesystem, parents before children. */
  entries(): Iterable<LayerEntry & { layer: number }>;
}

function* mapEntries(it: Iterable<[string, FsNode]>): Generator<LayerEntry & { layer: number }> {
  for (const [path, node] of it) yield node.toEntry(path);
}

function stripSlash(path: string): string {
  return path.replace(/^\/+/, '').replace(/\/+$/, '');
}

function nodePath(node: FsNode): string {
  return node.path;
}

function hasPresentChild(node: FsNode): boolean {
  if (!node.children) return false;
  for (const c of node.children.values()) if (c.present) return true;
  return false;
}

/** Sum of the sizes of a folder's files as they were before `layer` changed anything. */
function sizeBefore(node: FsNode, layer: number): number {
  let total = node.beforeLayer === layer ? node.beforeSize : node.size;
  if (node.children)
    for (const c of node.children.values()) if (c.wasPresent(layer)) total += sizeBefore(c, layer);
  return total;
}

function diveVisit(node: FsNode, size: number): void {
  node.diveCum += size;
  if (node.diveMin < 0 || size < node.diveMin) node.diveMin = size;
  node.diveCount++;
}
