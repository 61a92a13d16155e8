import type { Span } from '../core/positions.js';
import type { LoadProblem, MapNode, Node, Pair, ScalarNode } from './model.js';

/**
 * Canonical forms, applied to each file before merging (Compose merges the expanded forms):
 * list-form `environment`, `labels`, `annotations`, `sysctls`, `build.args`… become mappings keyed by
 * variable name; list-form `depends_on` and `networks` become mappings keyed by name; `build: DIR`
 * becomes `build: {context: DIR}`. Legacy v1 files (services at the top level) get a `services` key.
 */

const KEY_VALUE_KEYS = ['environment', 'labels', 'annotations', 'sysctls'];
const BUILD_KEY_VALUE_KEYS = ['args', 'labels', 'additional_contexts'];
const TOP_LEVEL = new Set([
  'version',
  'services',
  'networks',
  'volumes',
  'secrets',
  'configs',
  'include',
  'name',
]);
const SERVICE_HINTS = ['image', 'build', 'command', 'ports', 'volumes', 'environment', 'links', 'restart'];

export function normalizeRoot(root: MapNode, problems: LoadProblem[]): { root: MapNode; legacy: boolean } {
  let legacy = false;
  let services = root.pairs.get('services');
  if (!services) {
    const legacyPairs = [...root.pairs.values()].filter(
      (p) =>
        !TOP_LEVEL.has(p.key) &&
        !p.key.startsWith('x-') &&
        p.value.kind === 'map' &&
        SERVICE_HINTS.some((k) => (p.value as MapNode).pairs.has(k)),
    );
    if (legacyPairs.length > 0) {
      legacy = true;
      const first = legacyPairs[0]!;
      problems.push({
        kind: 'legacy-format',
        span: first.keySpan,
        message: 'services are at the top level (Compose file format v1)',
      });
      const map: MapNode = { kind: 'map', pairs: new Map(), span: first.keySpan };
      for (const p of legacyPairs) map.pairs.set(p.key, p);
      const pairs = new Map<string, Pair>();
      for (const [k, p] of root.pairs) if (!map.pairs.has(k)) pairs.set(k, p);
      services = { key: 'services', keySpan: first.keySpan, value: map };
      pairs.set('services', services);
      root = { ...root, pairs };
    }
  }
  if (services?.value.kind === 'map') {
    const normalized = new Map<string, Pair>();
    for (const [name, p] of services.value.pairs)
      normalized.set(name, { ...p, value: normalizeService(p.value) });
    root = withValue(root, 'services', { ...services.value, pairs: normalized });
  }
  return { root, legacy };
}

export function normalizeService(node: Node): MapNode {
  if (node.kind !== 'map') return emptyMap(node.span);
  let service = node;
  for (const key of KEY_VALUE_KEYS) {
    const v = service.pairs.get(key)?.value;
    if (v?.kind === 'seq') service = withValue(service, key, keyValueMap(v.items, v.span));
  }
  const deploy = service.pairs.get('deploy')?.value;
  const deployLabels = deploy?.kind === 'map' ? deploy.pairs.get('labels')?.value : undefined;
  if (deploy?.kind === 'map' && deployLabels?.kind === 'seq')
    service = withValue(
      service,
      'deploy',
      withValue(deploy, 'labels', keyValueMap(deployLabels.items, deployLabels.span)),
    );
  const build = service.pairs.get('build')?.value;
  if (build?.kind === 'scalar' && build.value !== null) {
    const map = emptyMap(build.span);
    map.pairs.set('context', { key: 'context', keySpan: build.span, value: build });
    service = withValue(service, 'build', map);
  } else if (build?.kind === 'map') {
    let b = build;
    for (const key of BUILD_KEY_VALUE_KEYS) {
      const v = b.pairs.get(key)?.value;
      if (v?.kind === 'seq') b = withValue(b, key, keyValueMap(v.items, v.span));
    }
    if (b !== build) service = withValue(service, 'build', b);
  }
  for (const key of ['depends_on', 'networks']) {
    const v = service.pairs.get(key)?.value;
    if (v?.kind === 'seq') service = withValue(service, key, nameMap(v.items, v.span, key === 'depends_on'));
  }
  return service;
}

/** `KEY=value` / `KEY` list items as a mapping; spans point into each item (quotes skipped). */
export function keyValueMap(list: Node[], span: Span): MapNode {
  const map = emptyMap(span);
  for (const item of list) {
    if (item.kind !== 'scalar' || item.value === null) continue;
    const s = String(item.value);
    const eq = s.indexOf('=');
    const key = (eq === -1 ? s : s.slice(0, eq)).trim();
    if (!key) continue;
    const start = item.span.start + (item.quoted ? 1 : 0);
    const keySpan = { start, end: Math.min(start + key.length, item.span.end) };
    let value: ScalarNode;
    if (eq === -1)
      value = { kind: 'scalar', value: null, span: { start: keySpan.end, end: keySpan.end }, quoted: false };
    else {
      const valueStart = Math.min(start + eq + 1, item.span.end);
      value = {
        ...item,
        value: s.slice(eq + 1),
        span: { start: valueStart, end: Math.max(valueStart, item.span.end - (item.quoted ? 1 : 0)) },
      };
      if (item.template !== undefined) value.template = item.template.slice(item.template.indexOf('=') + 1);
      if (item.masked !== undefined) {
        const meq = item.masked.indexOf('=');
        value.masked = item.masked.slice(meq + 1);
        if (!value.masked.includes('\u0000')) {
          delete value.masked;
          delete value.unresolved;
        }
      }
    }
    // Later entries win, as Compose keeps the last definition of a variable.
    map.pairs.delete(key);
    map.pairs.set(key, { key, keySpan, value });
  }
  return map;
}

/** `depends_on: [a, b]` / `networks: [a, b]` as a mapping keyed by name. */
function nameMap(list: Node[], span: Span, dependsOn: boolean): MapNode {
  const map = emptyMap(span);
  for (const item of list) {
    if (item.kind !== 'scalar' || item.value === null) continue;
    const key = String(item.value);
    const value: Node = dependsOn
      ? emptyMap(item.span)
      : { kind: 'scalar', value: null, span: { start: item.span.end, end: item.span.end }, quoted: false };
    map.pairs.set(key, { key, keySpan: item.span, value });
  }
  return map;
}

export function emptyMap(span: Span): MapNode {
  return { kind: 'map', pairs: new Map(), span };
}

/** A copy of a mapping with one key's value replaced (or added at the end). */
export function withValue(map: MapNode, key: string, value: Node): MapNode {
  const pairs = new Map(map.pairs);
  const old = pairs.get(key);
  pairs.set(key, old ? { ...old, value } : { key, keySpan: value.span, value });
  return { ...map, pairs };
}
