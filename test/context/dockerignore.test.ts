import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DockerignoreMatcher, parseDockerignore } from '../../src/context/dockerignore.js';
import { cleanPath } from '../../src/context/go-pattern.js';

interface BalenaIgnore {
  add(patterns: string): BalenaIgnore;
  ignores(path: string): boolean;
}
// A CommonJS module whose typings declare an ES default export.
const balena = createRequire(import.meta.url)('@balena/dockerignore') as (o: {
  ignorecase: boolean;
}) => BalenaIgnore;

const matcher = (text: string) => {
  const parsed = parseDockerignore(text);
  expect(parsed.errors).toEqual([]);
  return new DockerignoreMatcher(parsed.patterns);
};
const excluded = (text: string, path: string) => matcher(text).isExcluded(path);

describe('reading .dockerignore (ignorefile.ReadAll)', () => {
  it('cleans patterns, drops a leading slash and keeps exceptions', () => {
    const { patterns } = parseDockerignore(
      'test1\n/test2\n/a/file/here\n\nlastfile\n# comment\n! /inverted/abs/path\n',
    );
    expect(patterns.map((p) => (p.exception ? `!${p.pattern}` : p.pattern))).toEqual([
      'test1',
      'test2',
      'a/file/here',
      'lastfile',
      '!inverted/abs/path',
    ]);
    expect(patterns.map((p) => p.line)).toEqual([1, 2, 3, 5, 7]);
  });

  it('only a # in the first column starts a comment', () => {
    const { patterns } = parseDockerignore('# comment\n #not-a-comment\n');
    expect(patterns.map((p) => p.pattern)).toEqual(['#not-a-comment']);
  });

  it('drops a BOM, CR line ends and surrounding spaces; ./ and .. are cleaned', () => {
    const { patterns } = parseDockerignore('\uFEFF./node_modules/\r\n  a/../b  \r\nc//d/.\n');
    expect(patterns.map((p) => p.pattern)).toEqual(['node_modules', 'b', 'c/d']);
  });

  it('cleans like Go filepath.Clean', () => {
    expect(cleanPath('')).toBe('.');
    expect(cleanPath('a/b/../../..')).toBe('..');
    expect(cleanPath('/../a')).toBe('/a');
    expect(cleanPath('./')).toBe('.');
    expect(cleanPath('a//b/./c/')).toBe('a/b/c');
  });
});

describe('invalid patterns are errors with file and line (Docker rejects them)', () => {
  const bad: [string, RegExp][] = [
    ['!', /illegal exclusion pattern/],
    ['! ', /illegal exclusion pattern/],
    ['!/', /illegal exclusion pattern/],
    ['a\\', /syntax error in pattern/],
    ['[a', /syntax error in pattern/],
    ['[]', /syntax error in pattern/],
    ['[]a]', /syntax error in pattern/],
    ['[-a]', /syntax error in pattern/],
    ['[a-]', /syntax error in pattern/],
    ['[z-a', /syntax error in pattern/],
    ['a\\e', /invalid escape/],
    ['x\\1', /invalid escape/],
  ];
  it.each(bad)('%j', (line, message) => {
    const { errors, patterns } = parseDockerignore(`ok\n${line}\n`, 'ctx/.dockerignore');
    expect(patterns).toHaveLength(1);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: 'ctx/.dockerignore', line: 2 });
    expect(errors[0]!.message).toMatch(message);
  });

  it('accepts valid classes and escapes', () => {
    for (const p of ['[a-z]*', '[^a]', '[\\]]', 'a\\*b', '\\#x', 'a\\.b', '[!a]', '[[:alpha:]]'])
      expect(parseDockerignore(p).errors, p).toEqual([]);
  });
});

describe('matching (moby/patternmatcher + fsutil walk)', () => {
  const table: [string, string, boolean][] = [
    // Anchored at the context root: a bare name does not match deeper.
    ['node_modules', 'node_modules', true],
    ['node_modules', 'node_modules/x/index.js', true],
    ['node_modules', 'app/node_modules/x.js', false],
    ['*.md', 'README.md', true],
    ['*.md', 'docs/guide.md', false],
    ['__pycache__/', 'app/__pycache__/x.pyc', false],
    // ** spans folders, zero or more.
    ['**/node_modules', 'app/node_modules/x.js', true],
    ['**/node_modules', 'node_modules/x.js', true],
    ['**/*.md', 'docs/a/b.md', true],
    ['**/*.md', 'b.md', true],
    ['docs/**', 'docs/a.md', true],
    ['docs/**', 'docs', false],
    ['a/**/b', 'a/b', true],
    ['a/**/b', 'a/x/y/b', true],
    ['a/**/b', 'a/xb', false],
    // moby's fast paths: prefix and suffix tests on the whole path string.
    ['foo**', 'foobar/baz', true],
    ['**foo', 'xfoo', true],
    ['**foo', 'a/xfoo', true],
    // * and ? stop at /.
    ['*/temp*', 'somedir/temporary.txt', true],
    ['*/temp*', 'a/b/temporary.txt', false],
    ['*/*/temp*', 'a/b/temporary.txt', true],
    ['temp?', 'tempa', true],
    ['temp?', 'temp/a', false],
    // A matching parent folder excludes everything inside.
    ['a/b', 'a/b/c/d', true],
    ['a/*', 'a/b/c', true],
    // Leading / and ./ mean the root.
    ['/secret', 'secret', true],
    ['./secret', 'secret', true],
    // Escapes and classes.
    ['\\#notes', '#notes', true],
    ['file[0-9].txt', 'file7.txt', true],
    ['file[^0-9].txt', 'file7.txt', false],
    ['a+b', 'a+b', true],
    ['a+b', 'aab', false],
    ['(x)', '(x)', true],
    ['{a,b}', '{a,b}', true],
    ['{a,b}', 'a', false],
    // Case-sensitive on Linux.
    ['Makefile', 'makefile', false],
  ];
  it.each(table)('%j vs %j → %s', (pattern, path, expected) => {
    expect(excluded(pattern, path)).toBe(expected);
  });

  it('the last matching line decides (exceptions)', () => {
    expect(excluded('*.md\n!README.md', 'README.md')).toBe(false);
    expect(excluded('*.md\n!README.md', 'CHANGES.md')).toBe(true);
    expect(excluded('*.md\n!README*.md\nREADME-secret.md', 'README-secret.md')).toBe(true);
    expect(excluded('*.md\n!README*.md\nREADME-secret.md', 'README-x.md')).toBe(false);
    expect(excluded('*.md\nREADME-secret.md\n!README*.md', 'README-secret.md')).toBe(false);
    expect(excluded('*\n!src\n!package.json', 'src/index.ts')).toBe(false);
    expect(excluded('*\n!src\n!package.json', 'test/a.ts')).toBe(true);
    expect(excluded('.env*\n!.env.example', '.env.example')).toBe(false);
    expect(excluded('.env*\n!.env.example', '.env.local')).toBe(true);
  });

  it('an exception re-includes inside an excluded folder only when the walk enters it', () => {
    // Plain exception leading into the folder: the walk enters it.
    expect(excluded('.git\n!.git/HEAD', '.git/HEAD')).toBe(false);
    expect(excluded('.git\n!.git/HEAD', '.git/config')).toBe(true);
    // Plain exception elsewhere: node_modules is skipped whole, so the exception cannot reach inside.
    expect(excluded('node_modules\n!keep.txt', 'node_modules/keep.txt')).toBe(true);
    // An exception with a wildcard makes Docker walk every excluded folder.
    expect(excluded('node_modules\n!**/keep.txt', 'node_modules/keep.txt')).toBe(false);
  });

  it('re-evaluates later patterns from the parent results (fsutil), not from every parent', () => {
    // `a` excludes, `!a/b` re-includes, the second `a` was skipped while excluded: a/b/c is sent.
    expect(excluded('a\n!a/b\na', 'a/b/c')).toBe(false);
    expect(excluded('a\n!a/b\na', 'a/x')).toBe(true);
  });

  it('the context root itself is never excluded', () => {
    expect(excluded('*', '.')).toBe(false);
    expect(excluded('**', '')).toBe(false);
  });

  it('explains which line decided', () => {
    const m = matcher('*.log\n!keep.log\n');
    expect(m.explain('a.log').pattern?.line).toBe(1);
    expect(m.explain('keep.log')).toMatchObject({ excluded: false, pattern: { line: 2 } });
    expect(m.explain('x.txt')).toEqual({ excluded: false, pattern: null });
  });
});

describe('@balena/dockerignore as an oracle', () => {
  const oracle = (text: string) => balena({ ignorecase: false }).add(text);

  it('agrees on valid patterns without exceptions, ** in the middle, or regexp metacharacters', () => {
    const segment = fc.constantFrom(
      'a',
      'b',
      'c',
      'ab',
      '*',
      '?',
      'a*',
      '*.md',
      '.git',
      'node_modules',
      '**',
    );
    const pattern = fc
      .array(segment, { minLength: 1, maxLength: 3 })
      .map((s) => s.join('/'))
      .filter((p) => !/.\*\*|\*\*./.test(p.replace(/(^|\/)\*\*(\/|$)/g, '$1X$2')));
    const path = fc
      .array(fc.constantFrom('a', 'b', 'c', 'ab', 'x.md', '.git', 'node_modules'), {
        minLength: 1,
        maxLength: 4,
      })
      .map((s) => s.join('/'));
    fc.assert(
      fc.property(fc.array(pattern, { minLength: 1, maxLength: 4 }), path, (patterns, p) => {
        const text = patterns.join('\n');
        expect(excluded(text, p)).toBe(oracle(text).ignores(p));
      }),
      { numRuns: 2000 },
    );
  });

  it('differs where Docker does (recorded, so a change in either shows up)', () => {
    // balena accepts a bare `!` and ignores it; Docker refuses the file.
    expect(() => oracle('!').ignores('a')).not.toThrow();
    expect(parseDockerignore('!').errors).toHaveLength(1);
    // balena passes `+` to the regexp unescaped; Docker escapes it.
    expect(oracle('a+b').ignores('aab')).toBe(true);
    expect(excluded('a+b', 'aab')).toBe(false);
    // balena lets a later exception reach into a folder that Docker's walk skips.
    expect(oracle('node_modules\n!node_modules/x/keep').ignores('node_modules/x/keep')).toBe(false);
    expect(excluded('node_modules\n!node_modules/x/keep', 'node_modules/x/keep')).toBe(false);
    expect(oracle('node_modules\n!keep').ignores('node_modules/keep')).toBe(true);
  });
});
