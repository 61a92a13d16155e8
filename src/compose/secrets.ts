import type { Span } from '../core/positions.js';
import { checkKeyValue, type SecretConfidence, scanText } from '../secrets/index.js';
import { substitute } from './interpolate.js';
import { type ComposeProject, get, type MapNode, type Node, type ScalarNode } from './model.js';

/**
 * Secret-looking values written in a compose file, judged by the shared detector (src/secrets): known
 * token formats, passwords in URLs, hard-coded values of secret-named variables; plus passwords
 * assigned inside a value (connection strings, DSNs), found by the same detector's assignment reading.
 */
export interface SecretEvidence {
  kind: 'token' | 'named' | 'url' | 'connection-string';
  /** What was found, for people ("GitHub token", "password in a URL"); never the value. */
  description: string;
  confidence: SecretConfidence;
}

/** Why a value written in the file for a variable looks like a secret, or null. */
export function secretEvidence(name: string, literal: string): SecretEvidence | null {
  const value = literal.trim();
  if (value === '') return null;
  const match = checkKeyValue(name, value)[0];
  if (match) {
    const kind = match.kind === 'named-secret' ? 'named' : match.kind === 'url-credentials' ? 'url' : 'token';
    return { kind, description: match.description, confidence: match.confidence };
  }
  // `Server=db;Password=…;`, `user=app password=…`: a password assigned inside the value.
  if (value.includes('=')) {
    const inner = scanText(value).find((m) => m.kind === 'named-secret');
    if (inner)
      return { kind: 'connection-string', description: inner.description, confidence: inner.confidence };
  }
  return null;
}

/** The part of a value that is written in the file: defaults kept, values from variables left out. */
export function literalValue(node: ScalarNode): string | null {
  if (node.value === null) return null;
  if (node.template === undefined) return String(node.value);
  return substitute(node.template, () => undefined).value;
}

/** A secret-looking `name: value` of a key/value mapping (environment, build args). */
export interface SecretEntry {
  name: string;
  keySpan: Span;
  value: ScalarNode;
  evidence: SecretEvidence;
}

export function secretEntries(map: Node | null): SecretEntry[] {
  if (map?.kind !== 'map') return [];
  const out: SecretEntry[] = [];
  for (const p of map.pairs.values()) {
    if (p.value.kind !== 'scalar') continue;
    const literal = literalValue(p.value);
    if (literal === null) continue;
    const evidence = secretEvidence(p.key, literal);
    if (evidence) out.push({ name: p.key, keySpan: p.keySpan, value: p.value, evidence });
  }
  return out;
}

/** Secret entries of a service: `environment` and `build.args`. */
export function serviceSecrets(service: MapNode): SecretEntry[] {
  return [
    ...secretEntries(get(service, 'environment')),
    ...secretEntries(get(get(service, 'build'), 'args')),
  ];
}

/** Spans (project-wide) of every secret value of every service, to hide them in any output. */
export function secretSpans(project: ComposeProject): Span[] {
  const spans: Span[] = [];
  for (const service of project.allServices.values())
    for (const e of serviceSecrets(service.node))
      if (e.value.span.end > e.value.span.start) spans.push(e.value.span);
  return spans;
}

/** Source texts with every secret value replaced by `*` (line breaks kept, so positions stay right). */
export function redactedSources(project: ComposeProject): Map<string, string> {
  const byFile = new Map<string, string>();
  const spans = secretSpans(project).sort((a, b) => a.start - b.start);
  for (const file of project.files) {
    let out = '';
    let at = 0;
    const end = file.base + file.text.length;
    for (const s of spans) {
      if (s.start < file.base || s.start >= end) continue;
      const from = Math.max(at, s.start - file.base);
      const to = Math.min(file.text.length, s.end - file.base);
      if (to <= from) continue;
      out += file.text.slice(at, from) + file.text.slice(from, to).replace(/[^\r\n]/g, '*');
      at = to;
    }
    byFile.set(file.path, out + file.text.slice(at));
  }
  return byFile;
}
