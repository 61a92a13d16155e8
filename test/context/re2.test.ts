import { describe, expect, it } from 'vitest';
import { compilePattern, matchCompiled } from '../../src/context/go-pattern.js';
import { Re2Error, re2ToRegExp } from '../../src/context/re2.js';

const m = (pattern: string, path: string) => matchCompiled(compilePattern(pattern), path);

describe('Go regexp → JavaScript', () => {
  it('literal hyphens, dots and other escaped metacharacters', () => {
    expect(m('docker-compose*.y*ml', 'docker-compose.prod.yml')).toBe(true);
    expect(m('a.b', 'axb')).toBe(false);
    expect(m('*.tar.gz', 'x.tar.gz')).toBe(true);
  });

  it('Perl and POSIX classes have their ASCII meaning', () => {
    expect(m('log\\d*', 'log2024')).toBe(true);
    expect(m('log\\d', 'log٣')).toBe(false);
    expect(m('[[:digit:]]x', '5x')).toBe(true);
    expect(m('[[:alpha:]]x', '5x')).toBe(false);
  });

  it('? and * match whole code points, never /', () => {
    expect(m('?.txt', '😀.txt')).toBe(true);
    expect(m('a*', 'a/b')).toBe(false);
  });

  it('. in the translation excludes only a newline (as in Go)', () => {
    expect(re2ToRegExp('^a.b$').test('a\rb')).toBe(true);
    expect(re2ToRegExp('^a.b$').test('a\nb')).toBe(false);
  });

  it('Go-only syntax: \\Q…\\E, octal, \\z, lone ]', () => {
    expect(re2ToRegExp('^\\Q*.+\\E$').test('*.+')).toBe(true);
    expect(re2ToRegExp('^\\101$').test('A')).toBe(true);
    expect(re2ToRegExp('^a\\z').test('a')).toBe(true);
    expect(re2ToRegExp('^a]$').test('a]')).toBe(true);
  });

  it('a * inside a glob class becomes a class in Go too', () => {
    // Go reads `[[^/]*]` as the class {[, ^, /} repeated, then a literal `]`.
    expect(m('[*]', ']')).toBe(true);
    expect(m('[*]', '^^]')).toBe(true);
  });

  it('rejects what Go rejects', () => {
    expect(() => re2ToRegExp('^a\\e$')).toThrow(Re2Error);
    expect(() => re2ToRegExp('^a\\1$')).toThrow(Re2Error);
    expect(() => re2ToRegExp('^[z-a]$')).toThrow(Re2Error);
    expect(() => re2ToRegExp('^[[:nope:]]$')).toThrow(Re2Error);
  });
});

describe('compiled patterns', () => {
  it('are compiled once and shared; invalid ones throw every time', () => {
    const a = compilePattern('**/node_modules');
    expect(compilePattern('**/node_modules')).toBe(a);
    expect(compilePattern('src/*.py[cod]')).toBe(compilePattern('src/*.py[cod]'));
    expect(m('src/*.py[cod]', 'src/x.pyc')).toBe(true);
    expect(() => compilePattern('a\\1')).toThrow(Re2Error);
    expect(() => compilePattern('a\\1')).toThrow(Re2Error);
  });
});
