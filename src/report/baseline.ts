import type { Finding } from '../core/finding.js';
import { FINGERPRINT_SCHEME } from './fingerprint.js';
import { reportPath } from './sources.js';

/** One known finding; everything but the fingerprint is there for people reviewing the file. */
export interface BaselineEntry {
  fingerprint: string;
  file: string;
  rule: string;
  line: number;
  message: string;
}

export interface Baseline {
  tool: 'dockaudit';
  kind: 'baseline';
  /** The fingerprint scheme the entries were computed with. */
  scheme: string;
  entries: BaselineEntry[];
}

/** A baseline of the given findings (sorted by file and line, so the file diffs well). */
export function createBaseline(
  findings: readonly Finding[],
  fingerprints: ReadonlyMap<Finding, string>,
): Baseline {
  const entries = findings
    .map((f) => ({
      fingerprint: fingerprints.get(f) ?? '',
      file: reportPath(f.file),
      rule: f.rule,
      line: f.line,
      message: f.message,
    }))
    .filter((e) => e.fingerprint !== '')
    .sort(
      (a, b) =>
        (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
        a.line - b.line ||
        (a.fingerprint < b.fingerprint ? -1 : 1),
    );
  return { tool: 'dockaudit', kind: 'baseline', scheme: FINGERPRINT_SCHEME, entries };
}

export function serializeBaseline(baseline: Baseline): string {
  return `${JSON.stringify(baseline, null, 2)}\n`;
}

/** Reads a baseline file's text; a malformed one is an error value, not an exception. */
export function parseBaseline(text: string): { baseline: Baseline } | { error: string } {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    return { error: `not valid JSON (${(error as Error).message})` };
  }
  const d = doc as Partial<Baseline> | null;
  if (!d || typeof d !== 'object' || d.kind !== 'baseline' || !Array.isArray(d.entries))
    return { error: 'not a dockaudit baseline (create one with `dockaudit baseline`)' };
  if (d.scheme !== FINGERPRINT_SCHEME)
    return {
      error: `fingerprints of scheme ${String(d.scheme)}; this version uses ${FINGERPRINT_SCHEME}: recreate it`,
    };
  for (const [i, e] of d.entries.entries()) {
    if (!e || typeof e.fingerprint !== 'string' || e.fingerprint === '')
      return { error: `entry ${i + 1} has no fingerprint` };
  }
  return { baseline: d as Baseline };
}

/** Drops the findings the baseline knows; returns what is new and how many were known. */
export function applyBaseline(
  findings: readonly Finding[],
  fingerprints: ReadonlyMap<Finding, string>,
  baseline: Baseline,
): { findings: Finding[]; known: number } {
  const known = new Set(baseline.entries.map((e) => e.fingerprint));
  const kept = findings.filter((f) => !known.has(fingerprints.get(f) ?? ''));
  return { findings: kept, known: findings.length - kept.length };
}
