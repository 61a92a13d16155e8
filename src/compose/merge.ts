import type { MapNode, Node, Pair } from './model.js';
import { parseVolume } from './volumes.js';

/**
 * Merges an override tree into a base tree with Compose's rules (the spec's "Merge and override" and
 * compose-go's special cases): mappings merge key by key, sequences are appended, scalars are replaced;
 * `command`, `entrypoint` and `healthcheck.test` are replaced whole; `logging` merges only when the
 * driver is the same; `!reset` removes a value and `!override` replaces it without merging; a null
 * override keeps the base. Sequences whose entries are unique by a key (ports, volumes, secrets,
 * configs, expose, capabilities, dns…) keep one entry per key, the last definition winning.
 * Inputs must be in canonical form (see normalize.ts). Nodes are never modified.
 */
export function mergeTrees(base: Node | null, override: Node, path: readonly string[] = []): Node {
  if (base === null) return finalize(override, path);
  if (override.tag === '!override') return finalize(stripTag(override), path);
  const at = pattern(path);
  if (REPLACED.has(at)) return finalize(override, path);
  if (override.kind === 'scalar' && override.value === null && !override.tag) return base;
  if (at === 'services.*.logging' && base.kind === 'map' && override.kind === 'map') {
    const a = base.pairs.get('driver')?.value;
    const b = override.pairs.get('driver')?.value;
    const same = !a || !b || (a.kind === 'scalar' && b.kind === 'scalar' && a.value === b.value);
    if (!same) return finalize(override, path);
  }
  if (base.kind === 'map' && override.kind === 'map') return mergeMaps(base, override, path);
  if (base.kind === 'seq' && override.kind === 'seq') {
    const merged = { ...base, items: [...base.items, ...override.items] };
    return unique(merged, at);
  }
  return finalize(override, path);
}

function mergeMaps(base: MapNode, override: MapNode, path: readonly string[]): MapNode {
  const pairs = new Map(base.pairs);
  for (const [key, p] of override.pairs) {
    if (p.value.tag === '!reset') {
      pairs.delete(key);
      continue;
    }
    const old = pairs.get(key);
    const childPath = [...path, key];
    if (!old) {
      pairs.set(key, { ...p, value: finalize(p.value, childPath) });
      continue;
    }
    // The key stays where it was first written; the value comes from the merge.
    pairs.set(key, { key, keySpan: old.keySpan, value: mergeTrees(old.value, p.value, childPath) });
  }
  return { ...base, pairs };
}

/** A tree taken as is: `!reset` entries dropped, `!override` tags removed, unique sequences deduplicated. */
function finalize(node: Node, path: readonly string[]): Node {
  if (node.tag === '!override') node = stripTag(node);
  if (node.kind === 'scalar') return node;
  if (node.kind === 'seq') return unique(node, pattern(path));
  let changed = false;
  const pairs = new Map<string, Pair>();
  for (const [key, p] of node.pairs) {
    if (p.value.tag === '!reset') {
      changed = true;
      continue;
    }
    const value = finalize(p.value, [...path, key]);
    if (value !== p.value) changed = true;
    pairs.set(key, value === p.value ? p : { ...p, value });
  }
  return changed ? { ...node, pairs } : node;
}

function stripTag<N extends Node>(node: N): N {
  const copy = { ...node };
  delete copy.tag;
  return copy;
}

const REPLACED = new Set(['services.*.command', 'services.*.entrypoint', 'services.*.healthcheck.test']);

/** The path with the service name replaced by `*` (`services.*.ports`). */
function pattern(path: readonly string[]): string {
  if (path.length >= 2 && path[0] === 'services') return ['services', '*', ...path.slice(2)].join('.');
  return path.join('.');
}

type Indexer = (item: Node) => string | null;

const scalarText: Indexer = (item) =>
  item.kind === 'scalar' && item.value !== null ? String(item.value) : null;

const UNIQUE: Record<string, Indexer> = {
  'services.*.ports': portKey,
  'services.*.volumes': (item) => {
    if (item.kind === 'map') return scalarText(item.pairs.get('target')?.value ?? nullNode);
    const s = scalarText(item);
    return s === null ? null : (parseVolume(s)?.target ?? s);
  },
  'services.*.secrets': mountKey('/run/secrets'),
  'services.*.configs': mountKey(''),
  'services.*.expose': scalarText,
  'services.*.cap_add': scalarText,
  'services.*.cap_drop': scalarText,
  'services.*.dns': scalarText,
  'services.*.dns_opt': scalarText,
  'services.*.dns_search': scalarText,
  'services.*.profiles': scalarText,
  'services.*.links': scalarText,
  'services.*.tmpfs': scalarText,
  'services.*.env_file': (item) =>
    item.kind === 'map' ? scalarText(item.pairs.get('path')?.value ?? nullNode) : scalarText(item),
  'services.*.devices': (item) => {
    if (item.kind === 'map') return scalarText(item.pairs.get('target')?.value ?? nullNode);
    const s = scalarText(item);
    if (s === null) return null;
    const parts = s.split(':');
    return parts.length === 1 ? parts[0]! : parts[1]!;
  },
  'services.*.extra_hosts': scalarText,
};

const nullNode: Node = { kind: 'scalar', value: null, span: { start: 0, end: 0 }, quoted: false };

function portKey(item: Node): string | null {
  if (item.kind !== 'map') return scalarText(item);
  const v = (k: string) => scalarText(item.pairs.get(k)?.value ?? nullNode);
  return `${v('host_ip') ?? '0.0.0.0'}:${v('published') ?? ''}:${v('target') ?? ''}/${v('protocol') ?? 'tcp'}`;
}

function mountKey(dir: string): Indexer {
  return (item) => {
    if (item.kind === 'map') {
      const target = scalarText(item.pairs.get('target')?.value ?? nullNode);
      return target ?? `${dir}/${scalarText(item.pairs.get('source')?.value ?? nullNode) ?? ''}`;
    }
    const s = scalarText(item);
    return s === null ? null : `${dir}/${s}`;
  };
}

function unique(seq: Node & { kind: 'seq' }, at: string): Node {
  const indexer = UNIQUE[at];
  if (!indexer || seq.items.length < 2) return seq;
  const items: Node[] = [];
  const index = new Map<string, number>();
  for (const item of seq.items) {
    const key = indexer(item);
    const seen = key === null ? undefined : index.get(key);
    if (seen !== undefined) items[seen] = item;
    else {
      if (key !== null) index.set(key, items.length);
      items.push(item);
    }
  }
  return items.length === seq.items.length && items.every((x, i) => x === seq.items[i])
    ? seq
    : { ...seq, items };
}
