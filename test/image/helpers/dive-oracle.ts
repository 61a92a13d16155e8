import type { LayerEntry } from '../../../src/image/analyzer.js';

/**
 * An independent oracle: dive's algorithm as its documentation and source describe it, on literal
 * per-layer trees (nodes keyed by name, so `.wh.x` and `x` are different nodes), with stacked trees
 * for whiteouts. It shares no code with src/image.
 */
interface TreeNode {
  name: string;
  size: number;
  isDir: boolean;
  children: Map<string, TreeNode>;
}

const newNode = (name: string, size = 0, isDir = true): TreeNode => ({
  name,
  size,
  isDir,
  children: new Map(),
});

function addPath(root: TreeNode, path: string, size: number, isDir: boolean): void {
  const parts = path.split('/');
  let node = root;
  for (let i = 0; i < parts.length; i++) {
    const name = parts[i]!;
    const last = i === parts.length - 1;
    if (last && name === '.wh..wh..opq') return;
    let child = node.children.get(name);
    if (!child) {
      child = newNode(name);
      node.children.set(name, child);
    }
    if (last) {
      child.size = size;
      child.isDir = isDir;
    }
    node = child;
  }
}

function getNode(root: TreeNode, path: string): TreeNode | null {
  let node: TreeNode | undefined = root;
  for (const p of path.split('/')) {
    node = node?.children.get(p);
    if (!node) return null;
  }
  return node;
}

function removePath(root: TreeNode, path: string): void {
  const parts = path.split('/');
  const parent = parts.length === 1 ? root : getNode(root, parts.slice(0, -1).join('/'));
  parent?.children.delete(parts[parts.length - 1]!);
}

function* leaves(node: TreeNode, prefix: string): Generator<[string, TreeNode]> {
  for (const name of [...node.children.keys()].sort()) {
    const child = node.children.get(name)!;
    const path = prefix ? `${prefix}/${name}` : name;
    if (child.children.size === 0) yield [path, child];
    else yield* leaves(child, path);
  }
}

function* parentFirst(node: TreeNode, prefix: string): Generator<[string, TreeNode]> {
  for (const name of [...node.children.keys()].sort()) {
    const child = node.children.get(name)!;
    const path = prefix ? `${prefix}/${name}` : name;
    yield [path, child];
    yield* parentFirst(child, path);
  }
}

function stack(trees: TreeNode[]): TreeNode {
  const out = newNode('');
  for (const t of trees)
    for (const [path, node] of parentFirst(t, '')) {
      const base = path.slice(path.lastIndexOf('/') + 1);
      if (base.startsWith('.wh.')) removePath(out, path.slice(0, path.length - base.length) + base.slice(4));
      else addPath(out, path, node.size, node.isDir);
    }
  return out;
}

function subtreeSize(node: TreeNode): number {
  let total = node.size;
  for (const c of node.children.values()) total += subtreeSize(c);
  return total;
}

export function diveOracle(layers: Array<Array<Pick<LayerEntry, 'path' | 'size' | 'type'>>>) {
  const trees = layers.map((entries) => {
    const t = newNode('');
    for (const e of entries) addPath(t, e.path, e.size, e.type === 'dir');
    return t;
  });
  const stats = new Map<string, { cum: number; min: number; count: number }>();
  trees.forEach((tree, i) => {
    for (const [path, node] of leaves(tree, '')) {
      const base = path.slice(path.lastIndexOf('/') + 1);
      let size = node.size;
      let key = path;
      if (base.startsWith('.wh.')) {
        key = path.slice(0, path.length - base.length) + base.slice(4);
        const previous = getNode(stack(trees.slice(0, i)), key);
        size = previous?.isDir ? subtreeSize(previous) : 0;
      }
      const s = stats.get(key) ?? { cum: 0, min: -1, count: 0 };
      s.cum += size;
      s.min = s.min < 0 || size < s.min ? size : s.min;
      s.count++;
      stats.set(key, s);
    }
  });
  let minimum = 0;
  let discovered = 0;
  let wasted = 0;
  let inefficient = 0;
  for (const s of stats.values()) {
    minimum += s.min;
    discovered += s.cum;
    if (s.count >= 2) {
      wasted += s.cum;
      inefficient++;
    }
  }
  const sizes = layers.map((l) => l.reduce((a, e) => a + e.size, 0));
  const user = sizes.slice(1).reduce((a, b) => a + b, 0);
  return {
    efficiency: discovered === 0 ? 1 : minimum / discovered,
    wastedBytes: wasted,
    inefficientPaths: inefficient,
    userWastedPercent: user === 0 ? 0 : wasted / user,
  };
}
