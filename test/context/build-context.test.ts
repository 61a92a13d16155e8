import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BuildContextError, loadBuildContext } from '../../src/context/build-context.js';
import { tree } from './tree.js';

describe('loadBuildContext', () => {
  it('uses the context .dockerignore', () => {
    const root = tree({ '.dockerignore': 'secret.txt\n', 'secret.txt': 'x', 'a.txt': 'a' });
    const ctx = loadBuildContext(root);
    expect(ctx.hasDockerignore).toBe(true);
    expect(ctx.ignoreFile?.kind).toBe('context');
    expect(ctx.isSent('secret.txt')).toBe(false);
    expect(ctx.isSent('a.txt')).toBe(true);
    expect(ctx.decidingPattern('secret.txt')?.line).toBe(1);
  });

  it('a Dockerfile-specific ignore file takes precedence over the context one', () => {
    const root = tree({
      '.dockerignore': 'a.txt\n',
      'Dockerfile.dockerignore': 'b.txt\n',
      'build/app.Dockerfile': 'FROM scratch\n',
      'build/app.Dockerfile.dockerignore': 'c.txt\n',
      'a.txt': 'a',
      'b.txt': 'b',
      'c.txt': 'c',
    });
    const byDefault = loadBuildContext(root);
    expect(byDefault.ignoreFile?.kind).toBe('dockerfile');
    expect([byDefault.isSent('a.txt'), byDefault.isSent('b.txt')]).toEqual([true, false]);
    const custom = loadBuildContext(root, { dockerfile: join(root, 'build/app.Dockerfile') });
    expect(custom.ignoreFile?.path).toBe(join(root, 'build/app.Dockerfile.dockerignore'));
    expect([custom.isSent('a.txt'), custom.isSent('b.txt'), custom.isSent('c.txt')]).toEqual([
      true,
      true,
      false,
    ]);
    // Without its own ignore file, a Dockerfile elsewhere falls back to the context's.
    const other = loadBuildContext(root, { dockerfile: join(root, 'build/other.Dockerfile') });
    expect(other.ignoreFile?.kind).toBe('context');
  });

  it('answers what COPY sources match and copy', () => {
    const root = tree({
      '.dockerignore': '**/*.log\n',
      'src/a.ts': 'a',
      'src/b.ts': 'bb',
      'src/debug.log': 'l',
      'package.json': '{}',
    });
    const ctx = loadBuildContext(root);
    expect(ctx.copyMatches('src').map((e) => e.type)).toEqual(['dir']);
    expect(ctx.copiedFiles('src/').map((e) => e.path)).toEqual(['src/a.ts', 'src/b.ts']);
    expect(ctx.copiedFiles('*.json').map((e) => e.path)).toEqual(['package.json']);
    expect(ctx.copiedFiles('/src/../package.json').map((e) => e.path)).toEqual(['package.json']);
    expect(ctx.copiedFiles('src/*.log')).toEqual([]);
    // `.` takes everything sent, the .dockerignore file included.
    expect(ctx.copiedFiles('.').length).toBe(4);
  });

  it('reports invalid ignore lines with file and line', () => {
    const root = tree({ '.dockerignore': 'ok\n[a\n', a: '' });
    const ctx = loadBuildContext(root);
    expect(ctx.errors).toMatchObject([{ line: 2, message: expect.stringMatching(/syntax error/) }]);
    expect(ctx.patterns).toHaveLength(1);
  });

  it('throws a BuildContextError for a missing folder or a file', () => {
    const root = tree({ 'a.txt': '' });
    expect(() => loadBuildContext(join(root, 'nope'))).toThrow(BuildContextError);
    expect(() => loadBuildContext(join(root, 'a.txt'))).toThrow(/not a folder/);
  });
});
