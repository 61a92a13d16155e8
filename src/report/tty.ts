import pc from 'picocolors';
import { type Finding, SEVERITIES, type Severity, summarize } from '../core/finding.js';
import type { Lang } from '../i18n/catalog.js';
import { countOf, REPORT, severityWord } from '../i18n/report.js';
import type { RenderOptions, ReportInput } from './types.js';

type Colors = ReturnType<typeof pc.createColors>;

/** Terminal columns of a text: East Asian wide characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += WIDE.test(ch) ? 2 : 1;
  return width;
}

const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

function padToWidth(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

function severityColor(c: Colors, s: Severity): (t: string) => string {
  return s === 'error' ? c.red : s === 'warning' ? c.yellow : s === 'info' ? c.cyan : c.gray;
}

/** Human output: findings grouped by file, each with a code frame of the line it points at. */
export function renderTty(input: ReportInput, options: RenderOptions): string {
  const c = pc.createColors(options.color);
  const lang: Lang = options.lang ?? 'en';
  const t = REPORT.t;
  // One column wider than the longest severity word (8 in English, as always).
  const labelWidth = Math.max(...SEVERITIES.map((s) => displayWidth(severityWord(lang, s)))) + 1;
  const out: string[] = [];
  const byFile = new Map<string, Finding[]>();
  for (const f of input.findings) {
    let list = byFile.get(f.file);
    if (!list) byFile.set(f.file, (list = []));
    list.push(f);
  }
  for (const e of input.errors) {
    const at = e.line ? `:${e.line}${e.column ? `:${e.column}` : ''}` : '';
    out.push(`${c.red(c.bold(severityWord(lang, 'error')))} ${c.underline(e.file + at)} ${e.message}`);
  }
  if (input.errors.length > 0) out.push('');
  for (const [file, findings] of byFile) {
    out.push(c.underline(c.bold(file)));
    const lines = options.sources?.get(file)?.split(/\r?\n/);
    for (const f of findings) {
      const color = severityColor(c, f.severity);
      const where = c.dim(`${f.line}:${f.column}`.padEnd(8));
      const fix = f.fixable
        ? c.green(` [${t(lang, f.fixable === 'safe' ? 'tty.fixable' : 'tty.fixableUnsafe')}]`)
        : '';
      const label = padToWidth(severityWord(lang, f.severity), labelWidth);
      out.push(`  ${where}${color(label)}${f.message}  ${c.dim(`${f.rule} ${f.code}`)}${fix}`);
      const frame = lines ? codeFrame(lines, f, c) : null;
      if (frame) out.push(frame);
    }
    out.push('');
  }
  const s = summarize(input.findings, input.files.length);
  const total = input.findings.length;
  const parts = [
    s.errors ? c.red(countOf(lang, 'error', s.errors)) : '',
    s.warnings ? c.yellow(countOf(lang, 'warning', s.warnings)) : '',
    s.infos ? c.cyan(countOf(lang, 'info', s.infos)) : '',
    s.styles ? c.gray(countOf(lang, 'style', s.styles)) : '',
  ].filter(Boolean);
  const fixable = input.findings.filter((f) => f.fixable === 'safe').length;
  const files = countOf(lang, 'filesIn', s.files);
  if (total === 0) out.push(c.green(`✔ ${t(lang, 'tty.noProblems', { files })}`));
  else
    out.push(
      `✖ ${t(lang, 'tty.problems', {
        problems: countOf(lang, 'problem', total),
        counts: parts.join(t(lang, 'list.separator')),
        files,
      })}` + (fixable ? c.green(t(lang, 'tty.fixableHint', { n: fixable })) : ''),
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
