import { type Finding, type Severity, summarize } from '../core/finding.js';
import type { Lang } from '../i18n/catalog.js';
import { countOf, REPORT, severityWord } from '../i18n/report.js';
import { groupByFile } from './group.js';
import { ruleDocsUrl } from './rule-docs.js';
import type { RenderOptions, ReportInput } from './types.js';

function severityLabel(lang: Lang, severity: Severity): string {
  const word = severityWord(lang, severity);
  return severity === 'error' ? `**${word}**` : word;
}

/** Text safe inside a table cell: no line breaks, pipes escaped, inline markup neutralized. */
export function cell(text: string): string {
  return text
    .replace(/\r?\n/g, ' ')
    .replace(/([\\`*_[\]<>|#])/g, '\\$1')
    .trim();
}

/** An inline code span holding `text` whatever backticks it contains. */
function code(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const ticks = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${ticks}${pad}${text.replace(/\r?\n/g, ' ')}${pad}${ticks}`;
}

function ruleCell(f: Finding): string {
  const url = ruleDocsUrl(f.rule);
  const id = url ? `[${code(f.rule)}](${url})` : code(f.rule);
  return `${id} ${f.code}`;
}

/** A Markdown report (pull-request comments, job summaries): a summary line and a table per file. */
export function renderMarkdown(input: ReportInput, options?: Pick<RenderOptions, 'lang'>): string {
  const lang: Lang = options?.lang ?? 'en';
  const t = REPORT.t;
  const s = summarize(input.findings, input.files.length);
  const total = input.findings.length;
  const files = countOf(lang, 'filesIn', s.files);
  const out = [`## ${input.tool} ${input.command}`, ''];
  if (total === 0 && input.errors.length === 0) {
    out.push(t(lang, 'md.noProblems', { files }));
    return `${out.join('\n')}\n`;
  }
  const counts = [
    s.errors ? countOf(lang, 'error', s.errors) : '',
    s.warnings ? countOf(lang, 'warning', s.warnings) : '',
    s.infos ? countOf(lang, 'info', s.infos) : '',
    s.styles ? countOf(lang, 'style', s.styles) : '',
  ].filter(Boolean);
  out.push(
    t(lang, 'md.summary', {
      problems: countOf(lang, 'problem', total),
      counts: counts.length ? t(lang, 'md.counts', { counts: counts.join(t(lang, 'list.separator')) }) : '',
      files,
    }) +
      (input.errors.length
        ? t(lang, 'md.unreadable', { inputs: countOf(lang, 'input', input.errors.length) })
        : t(lang, 'md.end')),
  );
  for (const group of groupByFile(input.files, input.findings, input.errors)) {
    if (group.findings.length === 0 && group.errors.length === 0) continue;
    out.push('', `### ${code(group.file)}`, '');
    for (const e of group.errors) {
      const at = e.line ? t(lang, 'md.atLine', { line: e.line }) : '';
      out.push(`> **${t(lang, 'md.couldNotBeRead')}**${at}: ${cell(e.message)}`, '');
    }
    if (group.findings.length === 0) continue;
    const columns = (['line', 'severity', 'rule', 'message', 'fix'] as const).map((k) =>
      t(lang, `md.column.${k}`),
    );
    out.push(`| ${columns.join(' | ')} |`, '| ---: | --- | --- | --- | --- |');
    for (const f of group.findings) {
      const fix = f.fixable ? t(lang, f.fixable === 'safe' ? 'md.fix.safe' : 'md.fix.suggested') : '';
      out.push(
        `| ${f.line}:${f.column} | ${severityLabel(lang, f.severity)} | ${ruleCell(f)} | ${cell(f.message)} | ${fix} |`,
      );
    }
  }
  return `${out.join('\n')}\n`;
}
