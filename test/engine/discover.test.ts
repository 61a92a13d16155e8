import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discoverDockerfiles, isDockerfileName } from '../../src/engine/lint-files.js';

let base: string;
// A working folder the paths are not under, so that discovered paths stay absolute.
const OTHER_CWD = '/nonexistent-cwd';

function tree(root: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

const rel = (files: string[], root: string) => files.map((f) => f.slice(root.length + 1)).sort();

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'dockaudit-discover-'));
  // A repository (`.git` marks its root) with .gitignore files at two levels.
  tree(join(base, 'repo'), {
    '.git/HEAD': 'ref: refs/heads/main\n',
    '.gitignore': 'build/\n*.generated.Dockerfile\n!keep.generated.Dockerfile\napp/cache/\n# comment\n',
    Dockerfile: 'FROM a\n',
    'build/Dockerfile': 'FROM a\n',
    'app/Dockerfile': 'FROM a\n',
    'app/.gitignore': 'local/\n!special.generated.Dockerfile\n',
    'app/local/Dockerfile': 'FROM a\n',
    'app/cache/Dockerfile': 'FROM a\n',
    'app/x.generated.Dockerfile': 'FROM a\n',
    'app/keep.generated.Dockerfile': 'FROM a\n',
    'app/special.generated.Dockerfile': 'FROM a\n',
    'svc/Containerfile': 'FROM a\n',
    'svc/api.Dockerfile': 'FROM a\n',
    'svc/Dockerfile.prod': 'FROM a\n',
    'svc/README.md': '# not a Dockerfile\n',
    'svc/Dockerfile.md': '# docs\n',
    'node_modules/pkg/Dockerfile': 'FROM a\n',
  });
  // No repository: a .gitignore above the walked folder does not apply, one inside it does.
  tree(join(base, 'plain'), {
    '.gitignore': 'inner/skipped/\n',
    'inner/.gitignore': 'own/\n',
    'inner/skipped/Dockerfile': 'FROM a\n',
    'inner/own/Dockerfile': 'FROM a\n',
    'inner/Dockerfile': 'FROM a\n',
  });
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('discoverDockerfiles', () => {
  it('finds every Dockerfile naming style and skips what .gitignore files ignore', async () => {
    const root = join(base, 'repo');
    const { files, errors } = await discoverDockerfiles([root], OTHER_CWD);
    expect(errors).toEqual([]);
    expect(rel(files, root)).toEqual([
      'Dockerfile',
      'app/Dockerfile',
      'app/keep.generated.Dockerfile',
      'app/special.generated.Dockerfile',
      'svc/Containerfile',
      'svc/Dockerfile.prod',
      'svc/api.Dockerfile',
    ]);
  });

  it('applies the .gitignore files above the walked folder inside a repository', async () => {
    const root = join(base, 'repo', 'app');
    const { files } = await discoverDockerfiles([root], OTHER_CWD);
    expect(rel(files, root)).toEqual([
      'Dockerfile',
      'keep.generated.Dockerfile',
      'special.generated.Dockerfile',
    ]);
  });

  it('outside a repository, only .gitignore files inside the walked folder count', async () => {
    const root = join(base, 'plain', 'inner');
    const { files } = await discoverDockerfiles([root], OTHER_CWD);
    expect(rel(files, root)).toEqual(['Dockerfile', 'skipped/Dockerfile']);
  });

  it('keeps files named explicitly even when ignored, and reports missing paths', async () => {
    const ignored = join(base, 'repo', 'build', 'Dockerfile');
    const missing = join(base, 'repo', 'nope');
    const { files, errors } = await discoverDockerfiles([ignored, missing], OTHER_CWD);
    expect(files).toEqual([ignored]);
    expect(errors).toEqual([{ file: missing, message: 'no such file or directory' }]);
  });

  it('prints paths relative to the working folder', async () => {
    const { files } = await discoverDockerfiles([join(base, 'repo', 'svc')], join(base, 'repo'));
    expect(files.sort()).toEqual(['svc/Containerfile', 'svc/Dockerfile.prod', 'svc/api.Dockerfile']);
  });
});

describe('isDockerfileName', () => {
  it.each([
    ['Dockerfile', true],
    ['dockerfile', true],
    ['Containerfile', true],
    ['Dockerfile.prod', true],
    ['Dockerfile-dev', true],
    ['api.Dockerfile', true],
    ['api.containerfile', true],
    ['Dockerfile.md', false],
    ['Dockerfile.yaml', false],
    ['README.md', false],
    ['MyDockerfile', false],
  ])('%s → %s', (name, expected) => {
    expect(isDockerfileName(name)).toBe(expected);
  });
});
