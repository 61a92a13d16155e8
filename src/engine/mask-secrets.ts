import type { Span } from '../core/positions.js';
import { DockerfileAnalysis } from '../dockerfile/analysis.js';
import { parseDockerfile } from '../dockerfile/parse.js';
import { secretSpans } from '../rules/dockerfile/lib/secret-values.js';
import { redact } from '../secrets/index.js';

/**
 * Replaces every secret span of a text by its redacted form, so that code frames, snippets and diffs
 * never show a secret. Overlapping spans are merged. The redacted form does not keep the length, so
 * columns after a secret on the same line shift.
 */
export function maskSecrets(text: string, spans: readonly Span[]): string {
  if (spans.length === 0) return text;
  const sorted = [...spans].filter((s) => s.end > s.start).sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const s of sorted) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ start: s.start, end: s.end });
  }
  let out = '';
  let at = 0;
  for (const s of merged) {
    out += text.slice(at, s.start);
    // A multi-line secret (a private key in a heredoc) keeps its line breaks so line numbers hold.
    const value = text.slice(s.start, s.end);
    const breaks = value.match(/\r?\n/g)?.join('') ?? '';
    out += redact(value.replace(/\s+/g, ' ').trim()) + breaks;
    at = s.end;
  }
  return out + text.slice(at);
}

/** A Dockerfile's text with its secrets masked (for diffs of texts that were not linted). */
export function maskDockerfileSecrets(text: string, path: string): string {
  const file = parseDockerfile(text, path);
  return maskSecrets(text, secretSpans(new DockerfileAnalysis(file)));
}
