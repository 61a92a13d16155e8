import type { EntryType, LayerEntry } from './analyzer.js';

/**
 * One path of the layered filesystem. Nodes are never freed while reading: a deleted path stays as a
 * tombstone (`present = false`) so that per-path statistics across layers (dive's efficiency) survive it.
 */
export class FsNode {
  children: Map<string, FsNode> | null = null;
  type: EntryType = 'dir';
  size = 0;
  mode = 0o755;
  uid = 0;
  gid = 0;
  linkname: string | null = null;
  mtime: number | null = null;
  /** Layer that last wrote this path (-1: the root). */
  layer = -1;
  present = true;
  /** Layer that deleted this path (whiteout, opaque folder, replaced folder), or -1. */
  removedIn = -1;
  /** A folder no tar entry named (created because something below it was). */
  implicit = false;
  /** dive's per-path statistics: sum and minimum of the sizes seen as a layer-tree leaf, and how often. */
  diveCum = 0;
  diveMin = -1;
  diveCount = 0;
  /** Layer in which this path was last named by a tar entry, and in which something below it was. */
  touched = -1;
  childTouched = -1;
  /** Size of the entry as named in the `touched` layer. */
  touchSize = 0;
  /** The node's state before the layer `beforeLayer` changed it (dive sizes whiteouts on that state). */
  beforeLayer = -1;
  beforePresent = false;
  beforeDir = false;
  beforeSize = 0;

  constructor(
    readonly name: string,
    readonly parent: FsNode | null,
  ) {}

  /** Records the node's state once per layer, before the layer's first change to it. */
  stamp(layer: number, existed = true): void {
    if (this.beforeLayer === layer) return;
    this.beforeLayer = layer;
    this.beforePresent = existed && this.present;
    this.beforeDir = this.type === 'dir';
    this.beforeSize = this.size;
  }

  wasPresent(layer: number): boolean {
    return this.beforeLayer === layer ? this.beforePresent : this.present;
  }

  get isDir(): boolean {
    return this.type === 'dir';
  }

  get path(): string {
    const parts: string[] = [];
    for (let n: FsNode | null = this; n?.parent; n = n.parent) parts.push(n.name);
    return parts.reverse().join('/');
  }

  child(name: string): FsNode | undefined {
    return this.children?.get(name);
  }

  /** Adds a child that did not exist before `layer`. */
  addChild(name: string, layer: number): FsNode {
    const node = new FsNode(name, this);
    node.stamp(layer, false);
    if (!this.children) this.children = new Map();
    this.children.set(name, node);
    return node;
  }

  setEntry(entry: LayerEntry, layer: number): void {
    this.type = entry.type;
    this.size = entry.size;
    this.mode = entry.mode;
    this.uid = entry.uid;
    this.gid = entry.gid;
    this.linkname = entry.linkname;
    this.mtime = entry.mtime;
    this.layer = layer;
    this.present = true;
    this.implicit = false;
  }

  toEntry(path = this.path): LayerEntry & { layer: number } {
    return {
      path,
      type: this.type,
      size: this.size,
      mode: this.mode,
      uid: this.uid,
      gid: this.gid,
      linkname: this.linkname,
      mtime: this.mtime,
      layer: this.layer,
    };
  }
}

/** Visits the present nodes under `node` (not `node` itself), parents before children, in name order. */
export function* presentDescendants(node: FsNode, prefix: string): Generator<[string, FsNode]> {
  if (!node.children) return;
  const names = [...node.children.keys()].sort();
  for (const name of names) {
    const child = node.children.get(name)!;
    if (!child.present) continue;
    const path = prefix ? `${prefix}/${name}` : name;
    yield [path, child];
    if (child.isDir) yield* presentDescendants(child, path);
  }
}

/** Visits every node under `node` that was ever created, present or not. */
export function forEachNode(node: FsNode, visit: (n: FsNode) => void): void {
  const stack: FsNode[] = [node];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n !== node) visit(n);
    if (n.children) for (const c of n.children.values()) stack.push(c);
  }
}
