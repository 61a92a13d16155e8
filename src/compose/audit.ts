import type { Config, RuleSettings } from '../config/settings.js';
import type { Finding } from '../core/finding.js';
import { LineIndex } from '../core/positions.js';
import type { Rule, RuleMeta } from '../core/rule.js';
import { type RuleFailure, ruleKeys, runRules } from '../engine/run-rules.js';
import type { MessageCatalog } from '../i18n/catalog.js';
import { type ComposeProject, fileAt, type SourceFile } from './model.js';
import { type FileSuppressions, fileSuppressions, isSuppressed } from './pragmas.js';

/** A compose rule: a pure function of the loaded project (and settings) to reports. */
export type ComposeRule = Rule<ComposeProject, RuleSettings>;

export interface AuditComposeOptions {
  config: Config;
  rules: readonly ComposeRule[];
  catalog?: MessageCatalog;
  failures?: RuleFailure[];
}

/**
 * Runs compose rules over a project and applies YAML pragmas. Rules report spans in the project-wide
 * offset space; each finding is given back the file, line and column it points into (and its fix
 * edits that file's offsets).
 */
export function auditCompose(project: ComposeProject, options: AuditComposeOptions): Finding[] {
  const virtual = new LineIndex(project.files.map((f) => f.text).join('\n'));
  const firstLines = project.files.map((f) => virtual.lineOf(f.base) + 1);
  const suppressions = new Map<SourceFile, FileSuppressions>();
  const usePragmas = !options.config.disableIgnorePragma;
  const suppressed = (rule: RuleMeta, span: { start: number; end: number }): boolean => {
    if (!usePragmas) return false;
    const file = fileAt(project, span.start);
    if (!file || file.pragmaComments.length === 0) return false;
    let s = suppressions.get(file);
    if (!s) suppressions.set(file, (s = fileSuppressions(file)));
    return isSuppressed(s, ruleKeys(rule), span);
  };
  const findings = runRules({
    file: project.path,
    model: project,
    lines: virtual,
    rules: options.rules,
    config: options.config,
    catalog: options.catalog,
    suppressed,
    failures: options.failures,
  });
  for (const f of findings) {
    const index = fileIndexOfLine(firstLines, f.line);
    const file = project.files[index]!;
    const first = firstLines[index]!;
    f.file = file.path;
    f.line = f.line - first + 1;
    f.endLine = Math.max(f.line, f.endLine - first + 1);
    if (f.fix)
      f.fix = {
        ...f.fix,
        edits: f.fix.edits.map((e) => ({ ...e, start: e.start - file.base, end: e.end - file.base })),
      };
  }
  return findings;
}

function fileIndexOfLine(firstLines: number[], line: number): number {
  let lo = 0;
  let hi = firstLines.length - 1;
  let found = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (firstLines[mid]! <= line) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
