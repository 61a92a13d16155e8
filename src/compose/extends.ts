import { dirname, resolve as resolvePath } from 'node:path';
import type { Span } from '../core/positions.js';
import { mergeTrees } from './merge.js';
import { type MapNode, type Node, type Pair, text } from './model.js';
import type { SourceSet } from './sources.js';

export interface ExtendsContext {
  sources: SourceSet;
  /** The interpolated, canonical top-level mapping of a file read for `extends` (null when unreadable). */
  fileRoot(absPath: string, referencedAt: Span): Promise<MapNode | null>;
}

/**
 * Resolves `extends` in the services of one file: the base service (same file, or `file:` relative to
 * the extending file) is resolved first (chains allowed, cycles reported), then the local definition is
 * merged over it with the same rules as multiple compose files.
 */
export async function applyExtends(root: MapNode, fileAbs: string, ctx: ExtendsContext): Promise<MapNode> {
  const servicesPair = root.pairs.get('services');
  if (servicesPair?.value.kind !== 'map') return root;
  const services = servicesPair.value;
  let any = false;
  for (const p of services.pairs.values())
    if (p.value.kind === 'map' && p.value.pairs.has('extends')) any = true;
  if (!any) return root;

  const done = new Map<string, MapNode | null>();
  const resolveService = async (
    abs: string,
    within: MapNode,
    name: string,
    stack: string[],
  ): Promise<MapNode | null> => {
    const id = `${abs}\u0000${name}`;
    if (done.has(id)) return done.get(id)!;
    const node = within.pairs.get(name)?.value;
    if (node?.kind !== 'map') return null;
    const ext = node.pairs.get('extends');
    if (!ext) {
      done.set(id, node);
      return node;
    }
    const local = without(node, 'extends');
    if (stack.includes(id)) {
      ctx.sources.errorAt(ext.keySpan, `extends: service "${name}" extends itself through a cycle`);
      return local;
    }
    const target = ext.value.kind === 'map' ? text(ext.value.pairs.get('service')?.value) : text(ext.value);
    const file = ext.value.kind === 'map' ? text(ext.value.pairs.get('file')?.value) : null;
    if (!target) {
      ctx.sources.errorAt(ext.value.span, 'extends: the service to extend is missing');
      done.set(id, local);
      return local;
    }
    let base: MapNode | null = null;
    if (file) {
      const otherAbs = resolvePath(dirname(abs), file);
      const other = await ctx.fileRoot(otherAbs, spanOf(ext.value, 'file'));
      const otherServices = other?.pairs.get('services')?.value;
      if (other) {
        base =
          otherServices?.kind === 'map'
            ? await resolveService(otherAbs, otherServices, target, [...stack, id])
            : null;
        if (!base)
          ctx.sources.errorAt(
            spanOf(ext.value, 'service'),
            `extends: no service "${target}" in ${ctx.sources.display(otherAbs)}`,
          );
      }
    } else {
      base = await resolveService(abs, within, target, [...stack, id]);
      if (!base) ctx.sources.errorAt(spanOf(ext.value, 'service'), `extends: no service "${target}"`);
    }
    const merged = base ? (mergeTrees(base, local, ['services', name]) as MapNode) : local;
    done.set(id, merged);
    return merged;
  };

  const pairs = new Map<string, Pair>();
  for (const [name, p] of services.pairs) {
    const value = p.value.kind === 'map' ? await resolveService(fileAbs, services, name, []) : null;
    pairs.set(name, value ? { ...p, value } : p);
  }
  const newServices: MapNode = { ...services, pairs };
  const rootPairs = new Map(root.pairs);
  rootPairs.set('services', { ...servicesPair, value: newServices });
  return { ...root, pairs: rootPairs };
}

function without(map: MapNode, key: string): MapNode {
  const pairs = new Map(map.pairs);
  pairs.delete(key);
  return { ...map, pairs };
}

/** The span of a key's value in a mapping, or of the node itself. */
function spanOf(node: Node, key: string): Span {
  return (node.kind === 'map' && node.pairs.get(key)?.value.span) || node.span;
}
