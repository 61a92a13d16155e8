import { type Finding, type Severity, summarize } from '../core/finding.js';
import { groupByFile } from './group.js';
import { ruleDocsUrl } from './rule-docs.js';
import type { ReportInput } from './types.js';

const SEVERITY_LABEL: Record<Severity, string> = {
  error: '**error**',
  warning: 'warning',
  info: 'info',
  style: 'style',
};

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

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function ruleCell(f: Finding): string {
  const url = ruleDocsUrl(f.rule);
  const id = url ? `[${code(f.rule)}](${url})` : code(f.rule);
  return `${id} ${f.code}`;
}

/** A Markdown report (pull-request comments, job summaries): a summary line and a table per file. */
export function renderMarkdown(input: ReportInput): string {
  const s = summarize(input.findings, input.files.length);
  const total = input.findings.length;
  const out = [`## ${input.tool} ${input.command}`, ''];
  if (total === 0 && input.errors.length === 0) {
    out.push(`No problems in ${plural(s.files, 'file')}.`);
    return `${out.join('\n')}\n`;
  }
  const counts = [
    s.errors ? plural(s.errors, 'error') : '',
    s.warnings ? plural(s.warnings, 'warning') : '',
    s.infos ? `${s.infos} info` : '',
    s.styles ? `${s.styles} style` : '',
  ].filter(Boolean);
  out.push(
    `**${plural(total, 'problem')}**${counts.length ? ` (${counts.join(', ')})` : ''} in ${plural(s.files, 'file')}` +
      (input.errors.length ? `; ${plural(input.errors.length, 'input')} could not be read.` : '.'),
  );
  for (const group of groupByFile(input.files, input.findings, input.errors)) {
    if (group.findings.length === 0 && group.errors.length === 0) continue;
    out.push('', `### ${code(group.file)}`, '');
    for (const e of group.errors) {
      const at = e.line ? ` (line ${e.line})` : '';
      out.push(`> **could not be read**${at}: ${cell(e.message)}`, '');
    }
    if (group.findings.length === 0) continue;
    out.push('| Line | Severity | Rule | Message | Fix |', '| ---: | --- | --- | --- | --- |');
    for (const f of group.findings) {
      const fix = f.fixable === 'safe' ? 'safe' : f.fixable === 'suggested' ? 'suggested' : '';
      out.push(
        `| ${f.line}:${f.column} | ${SEVERITY_LABEL[f.severity]} | ${ruleCell(f)} | ${cell(f.message)} | ${fix} |`,
      );
    }
  }
  return `${out.join('\n')}\n`;
}
