import { summarize } from '../core/finding.js';
import type { ReportInput } from './types.js';

/** The JSON contract of DESIGN §4: stable field names, fixes reduced to their safety. */
export function renderJson(input: ReportInput): string {
  const findings = input.findings.map((f) => {
    const out: Record<string, unknown> = {
      file: f.file,
      rule: f.rule,
      code: f.code,
      aliases: f.aliases,
      severity: f.severity,
      category: f.category,
      line: f.line,
      column: f.column,
      endLine: f.endLine,
      endColumn: f.endColumn,
      message: f.message,
    };
    if (f.fixable) out.fixable = f.fixable;
    if (f.data) out.data = f.data;
    return out;
  });
  const doc: Record<string, unknown> = {
    tool: input.tool,
    version: input.version,
    findings,
    summary: summarize(input.findings, input.files.length),
  };
  if (input.errors.length > 0) doc.errors = input.errors;
  if (input.extra) Object.assign(doc, input.extra);
  return `${JSON.stringify(doc, null, 2)}\n`;
}
