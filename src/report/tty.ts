import pc from 'picocolors';
import { type Finding, type Severity, summarize } from '../core/finding.js';
import type { RenderOptions, ReportInput } from './types.js';

type Colors = ReturnType<typeof pc.createColors>;

const LABEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'info', style: 'style' };

function severityColor(c: Colors, s: Severity): (t: string) => string {
  return s === 'error' ? c.red : s === 'warning' ? c.yellow : s === 'info' ? c.cyan : c.gray;
}

/** Human output: findings grouped by file, each with a code frame of the line it points at. */
export function renderTty(input: ReportInput, options: RenderOptions): string {
  const c = pc.createColors(options.color);
  const out: string[] = [];
  const byFile = new Map<string, Finding[]>();
  for (const f of input.findings) {
    let list = byFile.get(f.file);
    if (!list) byFile.set(f.file, (list = []));
    list.push(f);
  }
  for (const e of input.errors) {
    const at = e.line ? `:${e.line}${e.column ? `:${e.column}` : ''}` : '';
    out.push(`${c.red(c.bold('error'))} ${c.underline(e.file + at)} ${e.message}`);
  }
  if (input.errors.length > 0) out.push('');
  for (const [file, findings] of byFile) {
    out.push(c.underline(c.bold(file)));
    const lines = options.sources?.get(file)?.split(/\r?\n/);
    for (const f of findings) {
      const color = severityColor(c, f.severity);
      const where = c.dim(`${f.line}:${f.column}`.padEnd(8));
      const fix = f.fixable ? c.green(f.fixable === 'safe' ? ' [fixable]' : ' [fixable: --unsafe]') : '';
      out.push(
        `  ${where}${color(LABEL[f.severity].padEnd(8))}${f.message}  ${c.dim(`${f.rule} ${f.code}`)}${fix}`,
      );
      const frame = lines ? codeFrame(lines, f, c) : null;
      if (frame) out.push(frame);
    }
    out.push('');
  }
  const s = summarize(input.findings, input.files.length);
  const total = input.findings.length;
  const parts = [
    s.errors ? c.red(`${s.errors} error${s.errors === 1 ? '' : 's'}`) : '',
    s.warnings ? c.yellow(`${s.warnings} warning${s.warnings === 1 ? '' : 's'}`) : '',
    s.infos ? c.cyan(`${s.infos} info`) : '',
    s.styles ? c.gray(`${s.styles} style`) : '',
  ].filter(Boolean);
  const fixable = input.findings.filter((f) => f.fixable === 'safe').length;
  const filesWord = `${s.files} file${s.files === 1 ? '' : 's'}`;
  if (total === 0) out.push(c.green(`✔ no problems in ${filesWord}`));
  else
    out.push(
      `✖ ${total} problem${total === 1 ? '' : 's'} (${parts.join(', ')}) in ${filesWord}` +
        (fixable ? c.green(`; ${fixable} fixable with \`dockaudit fix\``) : ''),
    );
  return `${out.join('\n')}\n`;
}

function codeFrame(lines: string[], f: Finding, c: Colors): string | null {
  const text = lines[f.line - 1];
  if (text === undefined) return null;
  const gutter = String(f.line);
  const shown = text.length > 160 ? `${text.slice(0, 157)}...` : text;
  const start = Math.min(f.column - 1, shown.length);
  const end =
    f.endLine === f.line ? Math.max(start + 1, Math.min(f.endColumn - 1, shown.length)) : shown.length;
  const pad = ' '.repeat(gutter.length);
  const caret = shown.slice(0, start).replace(/[^\t]/g, ' ') + '^'.repeat(Math.max(1, end - start));
  return `    ${c.dim(`${gutter} │`)} ${shown}\n    ${c.dim(`${pad} │`)} ${severityColor(c, f.severity)(caret)}`;
}
