import { describe, expect, it } from 'vitest';
import { parsePlatform } from '../../../../src/rules/dockerfile/lib/platform.js';
import { isValidImageReference } from '../../../../src/rules/dockerfile/lib/reference-grammar.js';
import { legacyValueAsWord } from '../../../../src/rules/dockerfile/lib/requote.js';
import { closestName, editDistance } from '../../../../src/rules/dockerfile/lib/suggest.js';
import { variableRefs } from '../../../../src/rules/dockerfile/lib/variable-refs.js';

describe('isValidImageReference', () => {
  it.each([
    'alpine',
    'alpine:3.20',
    'library/alpine',
    'ghcr.io/a/b:1',
    'localhost:5000/x',
    'Registry.Example.com/a/b',
    `a@sha256:${'a'.repeat(64)}`,
    'my_image-x.y__z',
    'x---y',
    '[::1]:5000/a',
    'scratch',
  ])('accepts %s', (ref) => expect(isValidImageReference(ref)).toBe(true));

  it.each([
    '',
    'busybox:',
    'Alpine',
    'acme/MyApp',
    ':tag',
    'a//b',
    '-a',
    'a-',
    `a:${'x'.repeat(129)}`,
    'f'.repeat(64),
    'a b',
    'a@sha256:abc',
    'node:-alpine',
    'golang@1.15',
  ])('rejects %j', (ref) => expect(isValidImageReference(ref)).toBe(false));
});

describe('parsePlatform', () => {
  it('normalizes as containerd does', () => {
    expect(parsePlatform('linux/amd64')).toEqual({ os: 'linux', arch: 'amd64', variant: '' });
    expect(parsePlatform('Linux/x86_64')).toEqual({ os: 'linux', arch: 'amd64', variant: '' });
    expect(parsePlatform('linux/aarch64/v8')).toEqual({ os: 'linux', arch: 'arm64', variant: '' });
    expect(parsePlatform('linux/arm')).toEqual({ os: 'linux', arch: 'arm', variant: 'v7' });
    expect(parsePlatform('armhf')).toEqual({ os: 'linux', arch: 'arm', variant: 'v7' });
    expect(parsePlatform('windows')).toEqual({ os: 'windows', arch: 'amd64', variant: '' });
    expect(parsePlatform('windows(10.0.17763)/amd64')?.os).toBe('windows');
  });

  it('rejects what containerd rejects', () => {
    for (const bad of ['linux/*', 'a/b/c/d', 'nonsense', 'linux/am d64', ''])
      expect(parsePlatform(bad)).toBeNull();
  });
});

describe('variableRefs', () => {
  it('finds names with their offsets, skipping quotes, escapes and special parameters', () => {
    const refs = variableRefs(`$A-\${B}-\${C:-$D}-'$E'-\\$F-"$G"-$1`);
    expect(refs.map((r) => [r.name, r.start, r.end])).toEqual([
      ['A', 0, 2],
      ['B', 3, 7],
      ['C', 8, 16],
      ['D', 13, 15],
      ['G', 27, 29],
    ]);
  });

  it('honours the backtick escape', () => {
    expect(variableRefs('`$A $B', '`').map((r) => r.name)).toEqual(['B']);
  });
});

describe('closestName', () => {
  it('prefers the same name in another case, then the nearest within a third of its length', () => {
    expect(closestName('path', ['PATH', 'PAT'])).toBe('PATH');
    expect(closestName('PAHT', ['PATH', 'HOME'])).toBe('PATH');
    expect(closestName('VERSOIN', ['VERSION'])).toBe('VERSION');
    expect(closestName('FOO', ['BAR', 'BAZ'])).toBeNull();
    expect(editDistance('ab', 'ba')).toBe(1);
  });
});

describe('legacyValueAsWord', () => {
  it.each([
    ['/srv/app', '/srv/app'],
    ['hello world', '"hello world"'],
    ['"hello world"', '"hello world"'],
    ['a  b', '"a  b"'],
    ['x "y z" w', '"x y z w"'],
    ["'a $b' c", '"a \\$b c"'],
    ['$HOME/bin:$PATH', '$HOME/bin:$PATH'],
    ['${A:-x y} z', '"${A:-x y} z"'],
  ])('rewrites %j as %j', (value, word) => expect(legacyValueAsWord(value, '\\')).toBe(word));

  it.each(["it's", 'a # b', '"unterminated'])('leaves %j alone', (value) =>
    expect(legacyValueAsWord(value, '\\')).toBeNull(),
  );
});
