import { createHash } from 'node:crypto';
import type { Finding } from '../core/finding.js';
import type { LineIndex } from '../core/positions.js';
import { reportPath, SourceLines } from './sources.js';
import type { ReportInput } from './types.js';

/** Name and version of the fingerprint scheme (SARIF `partialFingerprints` key, baseline files). */
export const FINGERPRINT_SCHEME = 'dockaudit/v1';

const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();

/**
 * What a finding points at, independent of where it sits in the file: the content of the lines it covers
 * and the exact text of its region, whitespace-normalized. Without the source text, the message stands in.
 */
export function findingContent(finding: Finding, lines: LineIndex | null): string {
  if (!lines) return `message\u0000${collapse(finding.message)}`;
  const first = Math.min(finding.line, lines.lineCount);
  // A region that ends at the very start of a line does not cover that line.
  let last =
    finding.endColumn === 1 && finding.endLine > finding.line ? finding.endLine - 1 : finding.endLine;
  last = Math.max(first, Math.min(last, lines.lineCount));
  const covered = lines.text.slice(lines.offsetOfLine(first), lines.lineContentEnd(last - 1));
  const start = Math.min(lines.offsetOfLine(finding.line) + finding.column - 1, lines.text.length);
  const end = Math.min(lines.offsetOfLine(finding.endLine) + finding.endColumn - 1, lines.text.length);
  return `lines\u0000${collapse(covered)}\u0000region\u0000${collapse(lines.text.slice(start, Math.max(start, end)))}`;
}

function hash(parts: readonly (string | number)[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32);
}

/**
 * Fingerprints that survive edits elsewhere in a file: a hash of the rule, the file, the normalized content
 * the finding points at, and its occurrence index among findings with the same rule, file and content (in
 * file order). Line numbers are not part of it, so moving code up or down keeps every fingerprint.
 */
export function computeFingerprints(
  findings: readonly Finding[],
  sources: ReadonlyMap<string, string> | undefined,
): Map<Finding, string> {
  const lines = new SourceLines(sources);
  const ordered = [...findings].sort(
    (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column,
  );
  const seen = new Map<string, number>();
  const result = new Map<Finding, string>();
  for (const f of ordered) {
    const key = hash([f.rule, reportPath(f.file), findingContent(f, lines.of(f.file))]);
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    result.set(f, hash([FINGERPRINT_SCHEME, key, occurrence]));
  }
  return result;
}

/** The fingerprints of a report's findings: those precomputed by the command, else computed now. */
export function fingerprintsOf(
  input: ReportInput,
  sources: ReadonlyMap<string, string> | undefined,
): ReadonlyMap<Finding, string> {
  if (input.fingerprints && input.findings.every((f) => input.fingerprints?.has(f)))
    return input.fingerprints;
  return computeFingerprints(input.findings, sources);
}
