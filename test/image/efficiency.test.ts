import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LayerEntry } from '../../src/image/analyzer.js';
import { diveEfficiency } from '../../src/image/efficiency.js';
import { LayerFilesystem } from '../../src/image/filesystem.js';

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

function oracle(layers: LayerEntry[][]) {
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

const entry = (path: string, size: number, type: LayerEntry['type'] = 'file'): LayerEntry => ({
  path,
  type,
  size,
  mode: 0o644,
  uid: 0,
  gid: 0,
  linkname: null,
  mtime: null,
});

function ours(layers: LayerEntry[][]) {
  const fs = new LayerFilesystem();
  layers.forEach((entries, i) => {
    fs.beginLayer(i);
    for (const e of entries) fs.apply(e);
    fs.endLayer();
  });
  const d = diveEfficiency(
    fs,
    layers.map((l) => l.reduce((a, e) => a + e.size, 0)),
  );
  return {
    efficiency: d.efficiency,
    wastedBytes: d.wastedBytes,
    inefficientPaths: d.inefficientPaths,
    userWastedPercent: d.userWastedPercent,
  };
}

describe("dive's efficiency", () => {
  it('matches hand-computed figures: an overwrite, a deleted file, a deleted folder', () => {
    const layers = [
      [
        entry('etc', 0, 'dir'),
        entry('etc/conf', 100),
        entry('opt', 0, 'dir'),
        entry('opt/big', 1000),
        entry('var', 0, 'dir'),
        entry('var/lists', 0, 'dir'),
        entry('var/lists/a', 300),
      ],
      [entry('etc/conf', 120)],
      [entry('opt/.wh.big', 0), entry('var/.wh.lists', 0)],
    ];
    // Paths: etc/conf 100+120 (min 100, twice), opt/big 1000+0 (min 0, twice), var/lists/a 300 (once),
    // var/lists: whiteout of a folder = 300 (once). Σmin = 100 + 0 + 300 + 300, Σcum = 220 + 1000 + 300 + 300.
    const d = ours(layers);
    expect(d.efficiency).toBeCloseTo(700 / 1820, 12);
    expect(d.wastedBytes).toBe(1220);
    expect(d.inefficientPaths).toBe(2);
    expect(d.userWastedPercent).toBeCloseTo(1220 / 120, 12);
    expect(d).toEqual(oracle(layers));
  });

  it('agrees with the oracle on random layer stacks', () => {
    const universe: Array<[string, 'dir' | 'file']> = [
      ['a', 'dir'],
      ['a/b', 'dir'],
      ['a/x', 'file'],
      ['a/b/y', 'file'],
      ['a/b/z', 'file'],
      ['c', 'file'],
      ['d', 'dir'],
      ['d/e', 'file'],
    ];
    const op = fc.record({
      item: fc.integer({ min: 0, max: universe.length - 1 }),
      kind: fc.constantFrom('add', 'add', 'whiteout', 'opaque'),
      size: fc.integer({ min: 0, max: 5000 }),
    });
    fc.assert(
      fc.property(fc.array(fc.array(op, { maxLength: 8 }), { minLength: 1, maxLength: 6 }), (plan) => {
        const present = new Set<string>();
        // dive keeps an opaque folder's lower files when it stacks layers for a later whiteout's size
        // (docs/image.md lists this difference): later whiteouts near such folders are left out.
        const opaqued = new Set<string>();
        const near = (p: string) =>
          [...opaqued].some((d) => d === p || d.startsWith(`${p}/`) || p.startsWith(`${d}/`));
        const layers: LayerEntry[][] = plan.map((ops) => {
          const opaquedHere: string[] = [];
          const entries: LayerEntry[] = [];
          const named = new Set<string>();
          const before = new Set(present);
          for (const o of ops) {
            const [path, type] = universe[o.item]!;
            if (named.has(path)) continue;
            if (o.kind === 'add') {
              named.add(path);
              entries.push(entry(path, type === 'dir' ? 0 : o.size, type));
              present.add(path);
              for (let p = path; p.includes('/'); ) {
                p = p.slice(0, p.lastIndexOf('/'));
                present.add(p);
              }
            } else if (o.kind === 'whiteout' && before.has(path) && !near(path)) {
              // Whiteouts only of paths lower layers have (dive stops a layer on any other).
              named.add(path);
              const slash = path.lastIndexOf('/');
              entries.push(entry(`${path.slice(0, slash + 1)}.wh.${path.slice(slash + 1)}`, 0));
              for (const p of [...present]) if (p === path || p.startsWith(`${path}/`)) present.delete(p);
            } else if (o.kind === 'opaque' && type === 'dir' && before.has(path)) {
              entries.push(entry(`${path}/.wh..wh..opq`, 0));
              opaquedHere.push(path);
              for (const p of [...present]) if (p.startsWith(`${path}/`)) present.delete(p);
            }
          }
          for (const d of opaquedHere) opaqued.add(d);
          return entries;
        });
        const a = ours(layers);
        const b = oracle(layers);
        expect(a.wastedBytes).toBe(b.wastedBytes);
        expect(a.inefficientPaths).toBe(b.inefficientPaths);
        expect(a.efficiency).toBeCloseTo(b.efficiency, 12);
        expect(a.userWastedPercent).toBeCloseTo(b.userWastedPercent, 12);
      }),
      { numRuns: 500, seed: 42 },
    );
  });
});
