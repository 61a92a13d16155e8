import { describe, expect, it } from 'vitest';
import { mergeTrees } from '../../src/compose/merge.js';
import type { MapNode, Node } from '../../src/compose/model.js';
import { normalizeRoot } from '../../src/compose/normalize.js';
import { parseComposeYaml } from '../../src/compose/parse.js';

function doc(text: string): MapNode {
  const d = parseComposeYaml(text).documents[0] as MapNode;
  return normalizeRoot(d, []).root;
}

/** A plain JS value of a node, for comparisons. */
function plain(node: Node | null | undefined): unknown {
  if (!node) return undefined;
  if (node.kind === 'scalar') return node.value;
  if (node.kind === 'seq') return node.items.map(plain);
  return Object.fromEntries([...node.pairs].map(([k, p]) => [k, plain(p.value)]));
}

function merge(...texts: string[]): unknown {
  let acc: Node | null = null;
  for (const t of texts) acc = mergeTrees(acc, doc(t));
  return plain(acc);
}

describe('mergeTrees', () => {
  it('merges mappings, replaces scalars and appends sequences', () => {
    expect(
      merge(
        'services:\n  web:\n    image: a:1\n    dns: [1.1.1.1]\n    labels: [a=1, b=2]\n',
        'services:\n  web:\n    image: a:2\n    dns: [8.8.8.8]\n    labels: {b: "3"}\n  db:\n    image: db:1\n',
      ),
    ).toEqual({
      services: {
        web: { image: 'a:2', dns: ['1.1.1.1', '8.8.8.8'], labels: { a: '1', b: '3' } },
        db: { image: 'db:1' },
      },
    });
  });

  it('replaces command, entrypoint and healthcheck.test instead of appending', () => {
    expect(
      merge(
        'services:\n  a:\n    command: [echo, foo]\n    healthcheck: {test: [CMD, a], interval: 5s}\n',
        'services:\n  a:\n    command: [echo, bar]\n    healthcheck: {test: [CMD, b]}\n',
      ),
    ).toEqual({
      services: { a: { command: ['echo', 'bar'], healthcheck: { test: ['CMD', 'b'], interval: '5s' } } },
    });
  });

  it('keeps one entry per unique key: volumes by target, ports, secrets', () => {
    expect(
      merge(
        'services:\n  a:\n    volumes: [foo:/work, ./x:/x]\n    ports: ["80:80"]\n    secrets: [s1]\n',
        'services:\n  a:\n    volumes: [bar:/work]\n    ports: ["80:80", "443:443"]\n    secrets: [{source: s1, target: /run/secrets/s1, mode: 0400}]\n',
      ),
    ).toEqual({
      services: {
        a: {
          volumes: ['bar:/work', './x:/x'],
          ports: ['80:80', '443:443'],
          secrets: [{ source: 's1', target: '/run/secrets/s1', mode: 400 }],
        },
      },
    });
  });

  it('merges environment by variable whatever the form', () => {
    expect(
      merge(
        'services:\n  a:\n    environment: [A=1, B=2, C]\n',
        'services:\n  a:\n    environment:\n      B: "20"\n      D: 4\n',
      ),
    ).toEqual({ services: { a: { environment: { A: '1', B: '20', C: null, D: 4 } } } });
  });

  it('honours !reset and !override, and a null override keeps the base', () => {
    expect(
      merge(
        'services:\n  a:\n    image: a:1\n    ports: ["8080:80"]\n    environment: {FOO: BAR}\n    volumes: [x:/x]\n',
        'services:\n  a:\n    image:\n    ports: !reset []\n    environment:\n      FOO: !reset null\n    volumes: !override\n      - y:/y\n',
      ),
    ).toEqual({ services: { a: { image: 'a:1', environment: {}, volumes: ['y:/y'] } } });
  });

  it('merges logging only when the driver is the same', () => {
    expect(
      merge(
        'services:\n  a:\n    logging: {driver: json-file, options: {max-size: 1m}}\n',
        'services:\n  a:\n    logging: {driver: syslog, options: {tag: x}}\n',
      ),
    ).toEqual({ services: { a: { logging: { driver: 'syslog', options: { tag: 'x' } } } } });
    expect(
      merge(
        'services:\n  a:\n    logging: {driver: json-file, options: {max-size: 1m}}\n',
        'services:\n  a:\n    logging: {options: {max-file: "3"}}\n',
      ),
    ).toEqual({
      services: { a: { logging: { driver: 'json-file', options: { 'max-size': '1m', 'max-file': '3' } } } },
    });
  });

  it('merges depends_on and build in their long forms', () => {
    expect(
      merge(
        'services:\n  a:\n    build: ./app\n    depends_on: [db]\n',
        'services:\n  a:\n    build: {target: prod}\n    depends_on:\n      db: {condition: service_healthy}\n      cache: {condition: service_started}\n',
      ),
    ).toEqual({
      services: {
        a: {
          build: { context: './app', target: 'prod' },
          depends_on: { db: { condition: 'service_healthy' }, cache: { condition: 'service_started' } },
        },
      },
    });
  });

  it("keeps the first file's key position for a merged key", () => {
    const base = doc('services:\n  web:\n    image: a:1\n');
    const override = parseComposeYaml('services:\n  web:\n    image: a:2\n', 1000).documents[0] as MapNode;
    const merged = mergeTrees(base, override) as MapNode;
    const services = merged.pairs.get('services')!.value as MapNode;
    expect(services.pairs.get('web')!.keySpan).toEqual({ start: 12, end: 15 });
    const image = (services.pairs.get('web')!.value as MapNode).pairs.get('image')!;
    expect(image.value.span.start).toBeGreaterThan(1000);
  });
});
