import type { Region } from './positions.js';

export type Severity = 'error' | 'warning' | 'info' | 'style';
export type Threshold = Severity | 'none';
export type Category = 'size' | 'cache' | 'security' | 'reliability' | 'maintainability' | 'correctness';
export type FixSafety = 'safe' | 'suggested';
export type Target = 'dockerfile' | 'compose' | 'context' | 'image';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'style'];

/** Higher is worse. */
export function severityRank(severity: Threshold): number {
  switch (severity) {
    case 'error':
      return 4;
    case 'warning':
      return 3;
    case 'info':
      return 2;
    case 'style':
      return 1;
    default:
      return 99;
  }
}

export function isSeverity(value: unknown): value is Severity {
  return value === 'error' || value === 'warning' || value === 'info' || value === 'style';
}

/** One replacement of `[start, end)` in the original text by `text`. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

export interface Fix {
  safety: FixSafety;
  edits: TextEdit[];
}

/** The finding contract (DESIGN §4). Every output format derives from it. */
export interface Finding extends Region {
  file: string;
  rule: string;
  code: string;
  aliases: string[];
  severity: Severity;
  category: Category;
  message: string;
  fixable?: FixSafety;
  /** Edits that repair the finding, on the original text of `file` (not serialized in JSON). */
  fix?: Fix;
  /** Machine-readable details (never secret values). */
  data?: Record<string, string | number | boolean>;
}

/** A problem with an input (unreadable, unparsable): reported with exit code 2. */
export interface InputError extends Partial<Region> {
  file: string;
  message: string;
}

export interface Summary {
  files: number;
  errors: number;
  warnings: number;
  infos: number;
  styles: number;
}

export function summarize(findings: readonly Finding[], files: number): Summary {
  const summary: Summary = { files, errors: 0, warnings: 0, infos: 0, styles: 0 };
  for (const f of findings) {
    if (f.severity === 'error') summary.errors++;
    else if (f.severity === 'warning') summary.warnings++;
    else if (f.severity === 'info') summary.infos++;
    else summary.styles++;
  }
  return summary;
}

/** Stable order: file, line, column, rule. */
export function compareFindings(a: Finding, b: Finding): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || a.column - b.column || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
}
