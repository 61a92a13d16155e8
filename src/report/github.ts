import type { Severity } from '../core/finding.js';
import type { ReportInput } from './types.js';

// Workflow commands that create annotations: error, warning, notice.
const COMMAND: Record<Severity, string> = {
  error: 'error',
  warning: 'warning',
  info: 'notice',
  style: 'notice',
};

/** Escapes a workflow command's message: `%`, CR and LF. */
export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a workflow command property value: also `:` and `,`, which delimit properties. */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function command(name: string, props: Record<string, string | number | undefined>, message: string): string {
  const list = Object.entries(props)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
    .join(',');
  return `::${name} ${list}::${escapeData(message)}`;
}

/**
 * GitHub Actions workflow commands, one annotation per finding (and per input error). Columns are given
 * only for single-line regions: GitHub ignores them when the start and end lines differ.
 */
export function renderGithub(input: ReportInput): string {
  const out: string[] = [];
  for (const e of input.errors) {
    out.push(
      command(
        'error',
        { file: e.file, line: e.line, col: e.column, title: `${input.tool}: input error` },
        e.message,
      ),
    );
  }
  for (const f of input.findings) {
    const singleLine = f.line === f.endLine;
    out.push(
      command(
        COMMAND[f.severity],
        {
          file: f.file,
          line: f.line,
          endLine: f.endLine,
          col: singleLine ? f.column : undefined,
          endColumn: singleLine ? f.endColumn : undefined,
          title: `${f.rule} (${f.code})`,
        },
        f.message,
      ),
    );
  }
  return out.length > 0 ? `${out.join('\n')}\n` : '';
}
