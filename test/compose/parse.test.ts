import { describe, expect, it } from 'vitest';
import type { MapNode, Node } from '../../src/compose/model.js';
import { parseComposeYaml } from '../../src/compose/parse.js';

function root(text: string): MapNode {
  const parsed = parseComposeYaml(text);
  expect(parsed.error).toBeNull();
  const doc = parsed.documents[0];
  if (doc?.kind !== 'map') throw new Error('not a map');
  return doc;
}

function at(node: Node | undefined, ...keys: string[]): Node | undefined {
  let n = node;
  for (const k of keys) n = n?.kind === 'map' ? n.pairs.get(k)?.value : undefined;
  return n;
}

describe('parseComposeYaml', () => {
  it('keeps exact spans of keys and values, offset by base', () => {
    const text = 'services:\n  web:\n    image: "nginx:1.27"\n';
    const doc = root(text);
    const web = at(doc, 'services') as MapNode;
    expect(web.pairs.get('web')!.keySpan).toEqual({ start: 12, end: 15 });
    const image = at(doc, 'services', 'web', 'image')!;
    expect(text.slice(image.span.start, image.span.end)).toBe('"nginx:1.27"');
    expect(image).toMatchObject({ kind: 'scalar', value: 'nginx:1.27', quoted: true });
    const shifted = parseComposeYaml(text, 1000).documents[0] as MapNode;
    expect(at(shifted, 'services', 'web', 'image')!.span).toEqual({
      start: image.span.start + 1000,
      end: image.span.end + 1000,
    });
  });

  it('ends block collections at their last entry, flow collections at their bracket', () => {
    const text = 'a:\n  - x\n  - y\n\n# trailing\nb: [1, 2]\n';
    const doc = root(text);
    const a = at(doc, 'a')!;
    expect(text.slice(a.span.start, a.span.end)).toBe('- x\n  - y');
    const b = at(doc, 'b')!;
    expect(text.slice(b.span.start, b.span.end)).toBe('[1, 2]');
  });

  it('resolves aliases to the anchored node and applies merge keys', () => {
    const text = [
      'x-base: &base',
      '  restart: always',
      '  image: base:1',
      'x-more: &more',
      '  image: more:1',
      '  user: "1000"',
      'services:',
      '  a:',
      '    <<: *base',
      '    image: a:1',
      '  b:',
      '    <<: [*more, *base]',
      '  c: *base',
      '',
    ].join('\n');
    const doc = root(text);
    const a = at(doc, 'services', 'a') as MapNode;
    expect([...a.pairs.keys()].sort()).toEqual(['image', 'restart']);
    expect(at(a, 'image')).toMatchObject({ value: 'a:1' });
    const restart = at(a, 'restart')!;
    expect(text.slice(restart.span.start, restart.span.end)).toBe('always');
    expect(restart.span.start).toBeLessThan(text.indexOf('services:'));
    const b = at(doc, 'services', 'b') as MapNode;
    expect(at(b, 'image')).toMatchObject({ value: 'more:1' });
    expect(at(b, 'restart')).toMatchObject({ value: 'always' });
    expect(at(doc, 'services', 'c')).toBe(at(doc, 'x-base'));
  });

  it('keeps tags such as !reset and !override', () => {
    const doc = root('services:\n  a:\n    ports: !reset []\n    volumes: !override\n      - x:/y\n');
    expect(at(doc, 'services', 'a', 'ports')?.tag).toBe('!reset');
    expect(at(doc, 'services', 'a', 'volumes')?.tag).toBe('!override');
  });

  it.each([
    ['a: 1\na: 2\n', 5, 'Map keys must be unique'],
    ['a: *nope\n', 3, 'unresolved alias *nope'],
    ['a: &x\n  b: *x\n', 11, 'recursive alias *x'],
    ['a: [1, 2\n', 9, null],
    ['a:\n\tb: 1\n', 3, null],
  ])('reports invalid YAML %j at its offset', (text, offset, message) => {
    const parsed = parseComposeYaml(text);
    expect(parsed.error?.offset).toBe(offset);
    if (message) expect(parsed.error?.message).toBe(message);
    else expect(parsed.error?.message).toBeTruthy();
  });

  it('reads every document of a stream, and none of an empty file', () => {
    expect(parseComposeYaml('---\na: 1\n---\nb: 2\n').documents).toHaveLength(2);
    expect(parseComposeYaml('# only a comment\n').documents).toHaveLength(0);
  });

  it('finds pragma comments outside scalars and tells trailing ones', () => {
    const text = [
      '# dockaudit global ignore=DA5001',
      'services:',
      '  web:  # dockaudit ignore=DA5002',
      '    command: "echo # dockaudit ignore=DA5003"',
      '    entrypoint: |',
      '      # dockaudit ignore=DA5004',
      '    #   dockaudit ignore=DA5005',
      '',
    ].join('\n');
    const comments = parseComposeYaml(text).pragmaComments;
    expect(comments.map((c) => [c.text, c.trailing])).toEqual([
      [' dockaudit global ignore=DA5001', false],
      [' dockaudit ignore=DA5002', true],
      ['   dockaudit ignore=DA5005', false],
    ]);
  });

  it('reads CRLF files with the same offsets as the text', () => {
    const text = 'services:\r\n  web:\r\n    image: nginx\r\n';
    const image = at(root(text), 'services', 'web', 'image')!;
    expect(text.slice(image.span.start, image.span.end)).toBe('nginx');
  });
});
