import {
  Composer,
  type Document,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  Parser,
  type Node as YamlNode,
} from 'yaml';
import type { Span } from '../core/positions.js';
import type { MapNode, Node, Pair, ScalarNode } from './model.js';

/** Why a text is not YAML Compose can read, at a file-local offset. */
export interface YamlError {
  offset: number;
  message: string;
}

export interface ParsedYaml {
  /** One root node per YAML document (null for an empty document). */
  documents: Array<Node | null>;
  /** The first error; when set, `documents` must not be used. */
  error: YamlError | null;
  /** `#` comments that hold a dockaudit or hadolint pragma (project-wide offsets). */
  pragmaComments: Array<{ offset: number; text: string; trailing: boolean }>;
  /** Ranges of every pair and sequence item (project-wide offsets). */
  entries: Span[];
}

const QUOTED = new Set(['QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_LITERAL', 'BLOCK_FOLDED']);
const PRAGMA_WORD = /#[ \t]*(dockaudit|hadolint)\b/g;

class ConvertError extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Reads YAML text (without BOM) into compose nodes whose spans are `base` + file offsets. Anchors and
 * aliases resolve to the anchored node (positions of the anchor's definition); `<<` merge keys are
 * applied as YAML 1.1 defines them (keys written in the mapping win; earlier merged maps win over later
 * ones). Duplicate keys, unresolved and recursive aliases are errors, as they are for Compose.
 */
export function parseComposeYaml(text: string, base = 0): ParsedYaml {
  const composer = new Composer({ prettyErrors: false, uniqueKeys: true, merge: false });
  const docs: Document.Parsed[] = [];
  const out: ParsedYaml = { documents: [], error: null, pragmaComments: [], entries: [] };
  try {
    for (const doc of composer.compose(new Parser().parse(text))) docs.push(doc);
  } catch (error) {
    out.error = { offset: 0, message: `cannot read YAML: ${(error as Error).message}` };
    return out;
  }
  for (const doc of docs) {
    const first = doc.errors[0];
    if (first) {
      out.error = { offset: first.pos[0], message: yamlMessage(first.message) };
      return out;
    }
  }
  const scalarRanges: Array<[number, number]> = [];
  for (const doc of docs) {
    const converter = new Converter(doc, base, out.entries, scalarRanges);
    try {
      out.documents.push(doc.contents ? converter.convert(doc.contents as YamlNode) : null);
    } catch (error) {
      if (!(error instanceof ConvertError)) throw error;
      out.error = { offset: error.offset, message: error.message };
      return out;
    }
  }
  if (text.includes('dockaudit') || text.includes('hadolint'))
    out.pragmaComments = findPragmaComments(text, base, scalarRanges);
  return out;
}

/** The yaml library's message without its trailing position ("at line 2, column 1: …"). */
function yamlMessage(message: string): string {
  const cut = message.search(/ at line \d+, column \d+/);
  return (cut === -1 ? message : message.slice(0, cut)).trim();
}

class Converter {
  private readonly memo = new Map<YamlNode, Node>();
  private readonly active = new Set<YamlNode>();

  constructor(
    private readonly doc: Document.Parsed,
    private readonly base: number,
    private readonly entries: Span[],
    private readonly scalarRanges: Array<[number, number]>,
  ) {}

  private span(node: { range?: [number, number, number] | null }): Span {
    const r = node.range;
    if (!r) return { start: this.base, end: this.base };
    return { start: this.base + r[0], end: this.base + r[1] };
  }

  convert(node: YamlNode): Node {
    if (isAlias(node)) {
      const target = node.resolve(this.doc) as YamlNode | undefined;
      const at = node.range?.[0] ?? 0;
      if (!target) throw new ConvertError(at, `unresolved alias *${node.source}`);
      if (this.active.has(target)) throw new ConvertError(at, `recursive alias *${node.source}`);
      return this.convert(target);
    }
    const known = this.memo.get(node);
    if (known) return known;
    this.active.add(node);
    let result: Node;
    if (isMap(node)) result = this.convertMap(node);
    else if (isSeq(node)) {
      const items: Node[] = [];
      for (const item of node.items as YamlNode[]) {
        const converted = item ? this.convert(item) : this.nullAt(node);
        if (item?.range) this.entries.push(isAlias(item) ? this.span(item) : converted.span);
        items.push(converted);
      }
      result = { kind: 'seq', items, span: this.collectionSpan(node, items), ...tagOf(node) };
    } else if (isScalar(node)) {
      const range = node.range;
      if (range) this.scalarRanges.push([range[0], range[1]]);
      const raw = node.value;
      const value =
        raw === null || raw === undefined
          ? null
          : typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean'
            ? raw
            : String(raw);
      result = {
        kind: 'scalar',
        value,
        span: this.span(node),
        quoted: QUOTED.has(String(node.type)),
        ...tagOf(node),
      } satisfies ScalarNode;
    } else {
      result = this.nullAt(node as { range?: [number, number, number] });
    }
    this.active.delete(node);
    this.memo.set(node, result);
    return result;
  }

  /**
   * A block collection's range runs to the start of whatever follows it (blank lines, comments); its
   * span ends with its last entry instead. Flow collections end at their closing bracket.
   */
  private collectionSpan(node: YamlNode & { flow?: boolean }, ends: ReadonlyArray<Node | Span>): Span {
    const span = this.span(node);
    if (node.flow || ends.length === 0) return span;
    const last = ends[ends.length - 1]!;
    const end = 'kind' in last ? last.span.end : last.end;
    return { start: span.start, end: Math.min(span.end, Math.max(span.start, end)) };
  }

  private nullAt(node: { range?: [number, number, number] | null }): ScalarNode {
    const s = this.span(node);
    return { kind: 'scalar', value: null, span: { start: s.start, end: s.start }, quoted: false };
  }

  private convertMap(node: YamlNode & { items: unknown[] }): MapNode {
    const pairs = new Map<string, Pair>();
    const merged = new Map<string, Pair>();
    const ends: Span[] = [];
    for (const item of node.items) {
      if (!isPair(item)) continue;
      const keyNode = item.key as YamlNode | null;
      const valueNode = item.value as YamlNode | null;
      const keyRange = keyNode?.range;
      const keySpan = keyNode ? this.span(keyNode) : this.span(node);
      if (keyRange) this.scalarRanges.push([keyRange[0], keyRange[1]]);
      const isMerge = isScalar(keyNode) && keyNode.value === '<<' && keyNode.type === 'PLAIN';
      const value = isMerge ? null : valueNode ? this.convert(valueNode) : this.nullAfter(keySpan);
      // An alias is written where it stands, not where its anchor is.
      const valueEnd =
        !value || (valueNode && isAlias(valueNode))
          ? valueNode?.range
            ? this.span(valueNode).end
            : keySpan.end
          : value.span.end;
      const entry = { start: keySpan.start, end: Math.max(keySpan.end, valueEnd) };
      this.entries.push(entry);
      ends.push(entry);
      if (isMerge) {
        for (const source of this.mergeSources(valueNode, keySpan.start - this.base))
          for (const p of source.pairs.values()) if (!merged.has(p.key)) merged.set(p.key, p);
        continue;
      }
      const key = keyText(keyNode, this.doc);
      pairs.set(key, { key, keySpan, value: value! });
    }
    if (merged.size > 0) {
      const all = new Map<string, Pair>();
      for (const [k, p] of merged) if (!pairs.has(k)) all.set(k, p);
      for (const [k, p] of pairs) all.set(k, p);
      return { kind: 'map', pairs: all, span: this.collectionSpan(node, ends), ...tagOf(node) };
    }
    return { kind: 'map', pairs, span: this.collectionSpan(node, ends), ...tagOf(node) };
  }

  private nullAfter(keySpan: Span): ScalarNode {
    return { kind: 'scalar', value: null, span: { start: keySpan.end, end: keySpan.end }, quoted: false };
  }

  /** The mappings a `<<` value names: one mapping, or a sequence of them. */
  private mergeSources(value: YamlNode | null, at: number): MapNode[] {
    if (!value) return [];
    const converted = this.convert(value);
    if (converted.kind === 'map') return [converted];
    if (converted.kind === 'seq') {
      const maps: MapNode[] = [];
      for (const item of converted.items) {
        if (item.kind !== 'map')
          throw new ConvertError(at, 'merge key << takes a mapping or a list of mappings');
        maps.push(item);
      }
      return maps;
    }
    if (converted.kind === 'scalar' && converted.value === null) return [];
    throw new ConvertError(at, 'merge key << takes a mapping or a list of mappings');
  }
}

function tagOf(node: { tag?: string | null }): { tag?: string } {
  return node.tag ? { tag: node.tag } : {};
}

function keyText(key: YamlNode | null, doc: Document.Parsed): string {
  if (!key) return '';
  if (isScalar(key)) return key.value === null || key.value === undefined ? '' : String(key.value);
  if (isAlias(key)) return keyText((key.resolve(doc) as YamlNode | undefined) ?? null, doc);
  return String(key.toJSON());
}

function findPragmaComments(
  text: string,
  base: number,
  scalarRanges: Array<[number, number]>,
): ParsedYaml['pragmaComments'] {
  const ranges = scalarRanges.slice().sort((a, b) => a[0] - b[0]);
  const insideScalar = (offset: number): boolean => {
    let lo = 0;
    let hi = ranges.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (ranges[mid]![0] <= offset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    // Scalars are leaves, so their ranges never overlap: the closest start decides.
    return found >= 0 && offset < ranges[found]![1];
  };
  const out: ParsedYaml['pragmaComments'] = [];
  for (const m of text.matchAll(PRAGMA_WORD)) {
    const at = m.index!;
    const before = at > 0 ? text.charCodeAt(at - 1) : 10;
    if (before !== 32 && before !== 9 && before !== 10 && before !== 13) continue;
    if (insideScalar(at)) continue;
    const lineStart = text.lastIndexOf('\n', at - 1) + 1;
    let lineEnd = text.indexOf('\n', at);
    if (lineEnd === -1) lineEnd = text.length;
    const trailing = text.slice(lineStart, at).trim() !== '';
    out.push({ offset: base + at, text: text.slice(at + 1, lineEnd).replace(/\r$/, ''), trailing });
  }
  return out;
}
