import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DockerignoreMatcher, parseDockerignore } from '../../src/context/dockerignore.js';
import { linkEscapes, walkContext } from '../../src/context/walk.js';
import { tree } from './tree.js';

const walk = (root: string, ignore: string, measureExcluded = false) =>
  walkContext(root, new DockerignoreMatcher(parseDockerignore(ignore).patterns), { measureExcluded });
const paths = (w: ReturnType<typeof walk>) => w.entries.map((e) => e.path).sort();

describe('walkContext', () => {
  const files = {
    Dockerfile: 'FROM scratch\n',
    'src/a.py': 'a = 1\n',
    'src/b.py': 'b = 22\n',
    'node_modules/x/index.js': '0123456789',
    'node_modules/x/keep.txt': 'k',
    '.git/HEAD': 'ref\n',
  };

  it('without an ignore file sends everything', () => {
    const w = walk(tree(files), '');
    expect(w.files).toBe(6);
    expect(w.bytes).toBe(13 + 6 + 7 + 10 + 1 + 4);
    expect(w.dirs).toBe(4);
    expect(w.excludedEntries).toBe(0);
    expect(w.topLevel.map((t) => t.path)).toEqual(['Dockerfile', 'src', 'node_modules', '.git']);
  });

  it('skips excluded folders and counts them as left out', () => {
    const w = walk(tree(files), 'node_modules\n.git\n');
    expect(paths(w)).toEqual(['Dockerfile', 'src', 'src/a.py', 'src/b.py']);
    expect(w.excludedEntries).toBe(2);
    expect(w.topLevel.find((t) => t.path === 'node_modules')).toMatchObject({ excluded: true, bytes: 0 });
  });

  it('measures skipped folders when asked', () => {
    const w = walk(tree(files), 'node_modules\n', true);
    expect(w.topLevel.find((t) => t.path === 'node_modules')).toMatchObject({
      excluded: true,
      bytes: 11,
      files: 2,
    });
    expect(w.excludedBytes).toBe(11);
  });

  it('sends an excluded folder that holds a re-included file, before the file', () => {
    const w = walk(tree(files), 'node_modules\n!node_modules/x/keep.txt\n');
    expect(paths(w)).toContain('node_modules/x/keep.txt');
    expect(paths(w)).toContain('node_modules/x');
    expect(paths(w)).not.toContain('node_modules/x/index.js');
    const order = w.entries.map((e) => e.path);
    expect(order.indexOf('node_modules')).toBeLessThan(order.indexOf('node_modules/x/keep.txt'));
  });

  it('an exception outside the folder does not reach into it (the walk skips it)', () => {
    const w = walk(tree(files), 'node_modules\n!keep.txt\n');
    expect(paths(w).some((p) => p.startsWith('node_modules'))).toBe(false);
  });

  it('sends links as links and flags those that leave the context', () => {
    const root = tree(files);
    symlinkSync('/etc/passwd', join(root, 'abs-link'));
    symlinkSync('../../outside', join(root, 'src/up-link'));
    symlinkSync('a.py', join(root, 'src/in-link'));
    const w = walk(root, '');
    expect(w.symlinks).toBe(3);
    expect(w.escapingLinks.map((l) => l.path).sort()).toEqual(['abs-link', 'src/up-link']);
    expect(linkEscapes('a/b', '../c')).toBe(false);
    expect(linkEscapes('a/b', '../../c')).toBe(true);
  });

  it('keeps the largest files and folders', () => {
    const w = walk(tree(files), '');
    expect(w.largestFiles[0]!.path).toBe('Dockerfile');
    expect(w.largestDirs.map((d) => [d.path, d.bytes, d.files])).toEqual([
      ['src', 13, 2],
      ['node_modules', 11, 2],
      ['node_modules/x', 11, 2],
      ['.git', 4, 1],
    ]);
  });
});
