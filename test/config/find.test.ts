import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigResolver, findConfigFiles } from '../../src/config/load.js';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dockaudit-config-find-'));
  for (const d of ['repo/a/x', 'repo/a/y', 'repo/b']) mkdirSync(join(dir, d), { recursive: true });
  writeFileSync(join(dir, 'repo/.dockaudit.yaml'), 'ignored: [DL3008]\n');
  writeFileSync(join(dir, 'repo/a/.hadolint.yaml'), 'ignored: [DL3009]\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('configuration discovery with a shared cache', () => {
  it('finds the nearest files and searches each folder once', async () => {
    const cache = new Map<string, Promise<string[]>>();
    expect(await findConfigFiles(join(dir, 'repo/a/x'), cache)).toEqual([join(dir, 'repo/a/.hadolint.yaml')]);
    expect(await findConfigFiles(join(dir, 'repo/a/y'), cache)).toEqual([join(dir, 'repo/a/.hadolint.yaml')]);
    expect(await findConfigFiles(join(dir, 'repo/b'), cache)).toEqual([join(dir, 'repo/.dockaudit.yaml')]);
    // x and y searched, a found (and not searched above), b searched up to repo.
    expect([...cache.keys()].sort()).toEqual(
      ['repo', 'repo/a', 'repo/a/x', 'repo/a/y', 'repo/b'].map((d) => join(dir, d)).sort(),
    );
    // The same answers without a cache.
    expect(await findConfigFiles(join(dir, 'repo/b'))).toEqual([join(dir, 'repo/.dockaudit.yaml')]);
  });

  it('gives each folder its own configuration through the resolver', async () => {
    const resolver = new ConfigResolver();
    const x = await resolver.forFile(join(dir, 'repo/a/x/Dockerfile'));
    const b = await resolver.forFile(join(dir, 'repo/b/Dockerfile'));
    expect(x.ignored).toContain('DL3009');
    expect(x.ignored).not.toContain('DL3008');
    expect(b.ignored).toContain('DL3008');
    expect(b.ignored).not.toContain('DL3009');
  });
});
