import type { Severity } from '../core/finding.js';
import { groupByFile } from './group.js';
import type { ReportInput } from './types.js';
import { XML_DECLARATION, xmlAttrs } from './xml.js';

// Checkstyle knows error, warning, info (and ignore).
const CHECKSTYLE_SEVERITY: Record<Severity, string> = {
  error: 'error',
  warning: 'warning',
  info: 'info',
  style: 'info',
};

/** Checkstyle XML: one <file> per examined file, one <error> per finding or input error. */
export function renderCheckstyle(input: ReportInput): string {
  const out = [XML_DECLARATION, `<checkstyle${xmlAttrs({ version: '4.3' })}>`];
  for (const { file, findings, errors } of groupByFile(input.files, input.findings, input.errors)) {
    if (findings.length === 0 && errors.length === 0) {
      out.push(`  <file${xmlAttrs({ name: file })}/>`);
      continue;
    }
    out.push(`  <file${xmlAttrs({ name: file })}>`);
    for (const e of errors) {
      out.push(
        `    <error${xmlAttrs({ line: e.line ?? 1, column: e.column, severity: 'error', message: e.message, source: `${input.tool}.input-error` })}/>`,
      );
    }
    for (const f of findings) {
      out.push(
        `    <error${xmlAttrs({
          line: f.line,
          column: f.column,
          severity: CHECKSTYLE_SEVERITY[f.severity],
          message: `${f.message} (${f.code})`,
          source: `${input.tool}.${f.rule}`,
        })}/>`,
      );
    }
    out.push('  </file>');
  }
  out.push('</checkstyle>');
  return `${out.join('\n')}\n`;
}
