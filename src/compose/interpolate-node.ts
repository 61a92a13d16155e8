import { hasInterpolation, type Lookup, substitute } from './interpolate.js';
import type { LoadProblem, MapNode, Node, Pair, ScalarNode, SeqNode } from './model.js';

/**
 * Interpolates every string value of a tree (keys are never interpolated, as in Compose). Returns new
 * nodes; nodes shared through YAML aliases stay shared, so an alias-heavy file is not expanded.
 */
export function interpolateTree(root: Node, lookup: Lookup, problems: LoadProblem[]): Node {
  const memo = new Map<Node, Node>();
  const visit = (node: Node): Node => {
    const known = memo.get(node);
    if (known) return known;
    let result: Node = node;
    if (node.kind === 'scalar') result = interpolateScalar(node, lookup, problems);
    else if (node.kind === 'seq') {
      let changed = false;
      const items = node.items.map((item) => {
        const next = visit(item);
        if (next !== item) changed = true;
        return next;
      });
      if (changed) result = { ...node, items } satisfies SeqNode;
    } else {
      let changed = false;
      const pairs = new Map<string, Pair>();
      for (const [k, p] of node.pairs) {
        const value = visit(p.value);
        if (value !== p.value) changed = true;
        pairs.set(k, value === p.value ? p : { ...p, value });
      }
      if (changed) result = { ...node, pairs } satisfies MapNode;
    }
    memo.set(node, result);
    return result;
  };
  return visit(root);
}

function interpolateScalar(node: ScalarNode, lookup: Lookup, problems: LoadProblem[]): ScalarNode {
  if (typeof node.value !== 'string' || !hasInterpolation(node.value)) return node;
  const s = substitute(node.value, lookup);
  if (s.error) {
    // Inside a plain scalar the template is the source text, so the offset is exact.
    const at = node.quoted ? node.span.start : node.span.start + s.error.index;
    problems.push({
      kind: 'invalid-interpolation',
      span: { start: at, end: node.quoted ? node.span.end : at + 2 },
      message: s.error.message,
    });
    // Compose would stop here; rules must not trust the text either.
    return { ...node, unresolved: ['${…}'], masked: '\u0000', template: node.value };
  }
  const out: ScalarNode = { ...node, value: s.value, template: node.value };
  if (s.unresolved.length > 0) {
    out.unresolved = s.unresolved;
    out.masked = s.masked;
  }
  if (s.defaulted) out.defaulted = true;
  return out;
}
