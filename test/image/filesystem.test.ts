import { describe, expect, it } from 'vitest';
import type { LayerEntry } from '../../src/image/analyzer.js';
import { LayerFilesystem } from '../../src/image/filesystem.js';
import { WasteLedger } from '../../src/image/waste.js';

const file = (path: string, size = 10, mode = 0o644): LayerEntry => ({
  path,
  type: 'file',
  size,
  mode,
  uid: 0,
  gid: 0,
  linkname: null,
  mtime: null,
});
const dir = (path: string, mode = 0o755): LayerEntry => ({ ...file(path, 0, mode), type: 'dir' });
const link = (path: string, target: string): LayerEntry => ({
  ...file(path, 0, 0o777),
  type: 'symlink',
  linkname: target,
});
const hard = (path: string, target: string): LayerEntry => ({
  ...file(path, 0),
  type: 'hardlink',
  linkname: target,
});

function build(layers: LayerEntry[][], ledger?: WasteLedger): LayerFilesystem {
  const fs = new LayerFilesystem(ledger ?? null);
  layers.forEach((entries, i) => {
    fs.beginLayer(i);
    for (const e of entries) fs.apply(e);
    fs.endLayer();
  });
  return fs;
}

const paths = (fs: LayerFilesystem) => [...fs.entries()].map(([p]) => p);

describe('LayerFilesystem', () => {
  it('applies whiteouts to lower layers and counts added, changed and deleted files', () => {
    const fs = build([
      [dir('etc'), file('etc/a', 5), file('etc/b', 7), dir('var'), file('var/x', 3)],
      [file('etc/a', 6), file('etc/.wh.b'), file('etc/c', 1)],
    ]);
    expect(paths(fs)).toEqual(['etc', 'etc/a', 'etc/c', 'var', 'var/x']);
    expect(fs.stats[1]).toMatchObject({
      added: 1,
      addedBytes: 1,
      changed: 1,
      changedBytes: 6,
      deleted: 1,
      deletedBytes: 7,
      whiteouts: 1,
    });
    expect(fs.stats[0]).toMatchObject({ added: 3, addedBytes: 15, entries: 5, fileBytes: 15 });
  });

  it('deletes a whole folder with one whiteout', () => {
    const fs = build([
      [dir('opt'), dir('opt/app'), file('opt/app/a', 100), file('opt/app/b', 50)],
      [file('opt/.wh.app')],
    ]);
    expect(paths(fs)).toEqual(['opt']);
    expect(fs.stats[1]).toMatchObject({ deleted: 2, deletedBytes: 150 });
  });

  it('hides the lower content of an opaque folder but keeps what the same layer adds', () => {
    const fs = build([
      [dir('data'), file('data/old', 9), dir('data/sub'), file('data/sub/deep', 4)],
      [dir('data'), file('data/.wh..wh..opq'), file('data/new', 2)],
    ]);
    expect(paths(fs)).toEqual(['data', 'data/new']);
    expect(fs.stats[1]).toMatchObject({ deleted: 2, deletedBytes: 13, opaqueDirs: 1 });
  });

  it('keeps entries of the same layer that a whiteout in that layer names (OCI: whiteouts apply to lower layers)', () => {
    const fs = build([[file('a', 1)], [file('b', 2), file('.wh.b')]]);
    expect(paths(fs)).toEqual(['a', 'b']);
  });

  it('refuses a hard link whose target does not exist', () => {
    expect(() => build([[file('a', 1)], [hard('b', 'missing')]])).toThrow(
      /hard link b points to missing, which does not exist/,
    );
    expect(paths(build([[file('a', 1)], [hard('b', 'a')]]))).toEqual(['a', 'b']);
  });

  it('records duplicate entries of one layer and counts the hidden copy as waste', () => {
    const ledger = new WasteLedger();
    const fs = build([[file('a', 10), file('a', 20)]], ledger);
    expect(fs.anomalies).toEqual([{ kind: 'duplicate-entry', layer: 0, path: 'a' }]);
    expect(ledger.summary([30]).groups).toMatchObject([{ kind: 'overwritten', layer: 0, by: 0, bytes: 10 }]);
  });

  it('resolves symlinks in folders and at the end, absolute and relative, and stops on loops', () => {
    const fs = build([
      [
        dir('usr'),
        dir('usr/bin'),
        file('usr/bin/sh', 5),
        link('bin', 'usr/bin'),
        link('usr/bin/dash', 'sh'),
        link('l1', 'l2'),
        link('l2', '/l1'),
      ],
    ]);
    expect(fs.resolve('bin/sh')?.path).toBe('usr/bin/sh');
    expect(fs.resolve('bin/dash')?.path).toBe('usr/bin/sh');
    expect(fs.resolve('bin/dash', false)?.path).toBe('usr/bin/dash');
    expect(fs.resolve('usr/bin/../bin/sh')?.path).toBe('usr/bin/sh');
    const started = Date.now();
    expect(fs.resolve('l1')).toBeNull();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(fs.anomalies.map((a) => a.kind)).toEqual(['symlink-loop']);
    const view = fs.view();
    expect(view.get('/bin/sh')).toMatchObject({ path: 'usr/bin/sh', size: 5, layer: 0 });
    expect(view.lstat('/bin')).toMatchObject({ type: 'symlink', linkname: 'usr/bin' });
    expect(view.get('/nope')).toBeNull();
  });

  it('creates implicit parent folders and replaces a file by a folder', () => {
    const ledger = new WasteLedger();
    const fs = build([[file('x', 4)], [file('x/y', 1)]], ledger);
    expect(paths(fs)).toEqual(['x', 'x/y']);
    expect(ledger.summary([4, 1]).groups).toMatchObject([{ kind: 'overwritten', layer: 0, by: 1, bytes: 4 }]);
  });

  it('attributes deleted and overwritten bytes to the layer that added them', () => {
    const ledger = new WasteLedger();
    build(
      [
        [
          dir('var'),
          dir('var/lib'),
          dir('var/lib/apt'),
          dir('var/lib/apt/lists'),
          file('var/lib/apt/lists/a', 100),
          file('var/lib/apt/lists/b', 50),
        ],
        [file('var/lib/apt/lists/.wh.a'), file('var/lib/apt/lists/.wh.b')],
        [file('big', 1000)],
        [file('big', 1000, 0o600)],
      ],
      ledger,
    );
    const summary = ledger.summary([150, 0, 1000, 1000]);
    expect(summary.groups.map((g) => [g.kind, g.layer, g.by, g.bytes, g.files, g.root])).toEqual([
      ['overwritten', 2, 3, 1000, 1, '/big'],
      ['deleted', 0, 1, 150, 2, '/var/lib/apt/lists'],
    ]);
    expect(summary.layers.map((l) => l.hiddenBytes)).toEqual([150, 0, 1000, 0]);
    expect(summary.efficiency).toBeCloseTo(1 - 1150 / 2150, 10);
  });

  it('counts package caches and temporary files left in the final image', () => {
    const ledger = new WasteLedger();
    const fs = build(
      [
        [file('var/lib/apt/lists/lock', 0), file('var/lib/apt/lists/x_Packages', 300)],
        [
          file('root/.cache/pip/http/a', 20),
          file('home/app/.npm/_cacache/b', 30),
          file('tmp/build.log', 7),
          file('var/cache/debconf/config.dat', 99),
        ],
      ],
      ledger,
    );
    ledger.collectLeftovers(fs);
    const s = ledger.summary([300, 57 + 99]);
    expect(s.groups.map((g) => [g.category, g.layer, g.bytes, g.root])).toEqual([
      ['apt-lists', 0, 300, '/var/lib/apt/lists'],
      ['npm', 1, 30, '/home/app/.npm/_cacache'],
      ['pip', 1, 20, '/root/.cache/pip/http'],
      ['temp', 1, 7, '/tmp'],
    ]);
    expect(s.leftoverBytes).toBe(357);
  });
});
