import { defaultConfig } from '../../../src/config/settings.js';
import { analyzeContext } from '../../../src/context/analyze.js';
import type { Finding } from '../../../src/core/finding.js';
import { LineIndex } from '../../../src/core/positions.js';
import { runRules } from '../../../src/engine/run-rules.js';
import type { ContextRule } from '../../../src/rules/context/lib/define.js';
import { tree } from '../../context/tree.js';

/** Runs one context rule over a context made of `files`; paths in findings are relative to the context. */
export function check(
  rule: ContextRule,
  files: Record<string, string>,
  ruleOptions: Record<string, Record<string, unknown>> = {},
): Finding[] {
  const root = tree(files);
  const model = analyzeContext(root);
  const config = { ...defaultConfig(), ruleOptions };
  const findings = runRules({ file: 'Dockerfile', model, lines: new LineIndex(''), rules: [rule], config });
  // Shown relative to the context, as `dockaudit context .` prints them.
  return findings.map((f) => ({
    ...f,
    file: f.file.startsWith(`${root}/`) ? f.file.slice(root.length + 1) : f.file,
  }));
}

/** `file:line:column severity` of each finding, for compact expectations. */
export const where = (findings: Finding[]) =>
  findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.severity}`);
