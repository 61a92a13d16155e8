import type { Finding, InputError } from '../core/finding.js';
import type { RuleMeta } from '../core/rule.js';

export const FORMATS = [
  'tty',
  'json',
  'sarif',
  'checkstyle',
  'gitlab',
  'junit',
  'github',
  'markdown',
] as const;
export type Format = (typeof FORMATS)[number];

export function isFormat(value: unknown): value is Format {
  return typeof value === 'string' && (FORMATS as readonly string[]).includes(value);
}

/** Everything a reporter may use. Reporters never look at models, only at findings and metadata. */
export interface ReportInput {
  tool: 'dockaudit';
  version: string;
  /** The command that produced the findings (lint, compose, image, …). */
  command: string;
  findings: Finding[];
  errors: InputError[];
  /** Files (or image references) that were examined. */
  files: string[];
  /** Metadata of every rule that could have reported (for SARIF rule tables, docs links). */
  rules: readonly RuleMeta[];
  /** Command-specific data added to JSON output under its own key (for example an image's layers). */
  extra?: Record<string, unknown>;
  /**
   * Fingerprints computed before some findings were dropped (by a baseline). Occurrence indices depend on
   * the whole set of findings, so they must not be recomputed over what is left; absent, reporters compute
   * them from the findings and the sources.
   */
  fingerprints?: ReadonlyMap<Finding, string>;
}

export interface RenderOptions {
  color: boolean;
  /** Source texts by file, for code frames, fix regions and fingerprints. */
  sources?: ReadonlyMap<string, string>;
}
