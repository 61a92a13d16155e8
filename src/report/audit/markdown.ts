/**
 * The audit report as Markdown, shaped like a hand-written audit: eight numbered sections, tables with
 * short ids, Dockerfiles and ignore files in fenced blocks. Every text from the repository is escaped
 * (table cells) or fenced (blocks), so nothing in a Dockerfile can turn into markup.
 */
import type { AuditKey, Translate } from '../../audit/i18n/index.js';
import type { AuditReport, ImageSection, PlanItem } from '../../audit/types.js';
import {
  firstLine,
  formatBytes,
  LEVEL_MARK,
  measuredLine,
  SEVERITY_MARK,
  sectionTitles,
  sizeText,
  summaryLine,
  t,
  totalLine,
  yesNo,
} from './common.js';

/** Text safe inside a table cell: one line, pipes and inline markup escaped. */
export function cell(text: string): string {
  return escapeInline(text).trim();
}

function escapeInline(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/([\\`*_[\]<>|#~&!])/g, '\\$1');
}

/** Inline code holding any text. */
export function code(text: string): string {
  const one = text.replace(/\r?\n/g, ' ');
  const longest = Math.max(0, ...(one.match(/`+/g) ?? []).map((r) => r.length));
  const ticks = '`'.repeat(longest + 1);
  const pad = one.startsWith('`') || one.endsWith('`') ? ' ' : '';
  return `${ticks}${pad}${one}${pad}${ticks}`;
}

/** A fenced block that no backtick run in `text` can close. */
export function fence(text: string, lang: string): string {
  const longest = Math.max(2, ...(text.match(/`{3,}/g) ?? []).map((r) => r.length));
  const ticks = '`'.repeat(longest + 1);
  return `${ticks}${lang}\n${text.replace(/\s+$/, '')}\n${ticks}`;
}

/** Texts written by the report itself may hold `code` spans; everything else in them is escaped. */
function prose(text: string): string {
  return text
    .split(/(`[^`\n]*`)/)
    .map((part, i) => (i % 2 === 1 ? part : escapeInline(part)))
    .join('')
    .trim();
}

function table(head: string[], rows: string[][]): string[] {
  return [
    `| ${head.join(' | ')} |`,
    `|${head.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ];
}

const ids = (list: readonly string[]) => (list.length > 0 ? list.join(', ') : '—');

export function renderAuditMarkdown(report: AuditReport): string {
  const tr = t(report);
  const titles = sectionTitles(report);
  const heading = (i: number) => {
    const s = titles[i]!;
    return [`<a id="${s.id}"></a>`, '', `## ${s.number}. ${s.title}`, ''];
  };
  const out: string[] = [`# ${tr('report.title')}`, ''];
  out.push(cell(tr('report.meta', { root: report.root, date: report.date, version: report.version })), '');
  out.push(`> ${cell(summaryLine(report))}`, '');
  out.push(`**${tr('report.toc')}**`, '', ...titles.map((s) => `${s.number}. [${s.title}](#${s.id})`), '');

  out.push(...heading(0), ...inventory(report, tr));
  out.push(...heading(1));
  for (const [i, section] of report.images.entries()) out.push(...imageSection(section, i + 1, tr));
  if (report.images.length === 0) out.push(tr('inventory.empty'), '');
  out.push(...heading(2), ...dockerignore(report, tr));
  out.push(...heading(3), ...sizes(report, tr));
  out.push(...heading(4), ...security(report, tr));
  out.push(...heading(5), ...performance(report, tr));
  out.push(...heading(6), ...plan(report, tr));
  out.push(...heading(7), ...risks(report, tr));
  if (report.errors.length > 0) {
    out.push(`## ${tr('report.errors')}`, '');
    for (const e of report.errors)
      out.push(
        `- ${code(`${e.file}${e.line ? `:${e.line}${e.column ? `:${e.column}` : ''}` : ''}`)} ${cell(e.message)}`,
      );
    out.push('');
  }
  out.push('---', '', prose(tr('report.footer', { version: report.version })), '');
  return out.join('\n');
}

function inventory(report: AuditReport, tr: Translate): string[] {
  if (report.inventory.rows.length === 0) return [tr('inventory.empty'), ''];
  const rows = report.inventory.rows.map((r) => {
    const kind =
      r.kind === 'build'
        ? ''
        : ` (${r.kind === 'image' ? tr('inventory.imageOnly') : r.official ? tr('inventory.official') : tr('inventory.serviceImage')})`;
    const name = r.section ? `[${cell(r.name)}](#${r.section})` : cell(r.name);
    return [
      `${name}${escapeInline(kind)}`,
      r.dockerfile ? code(r.dockerfile) : '—',
      r.base ? code(r.base) : '—',
      cell(sizeText(r.size, tr)),
      yesNo(r.multiStage, tr),
      cell(r.services.join(', ') || '—'),
    ];
  });
  return [
    ...table(
      [
        tr('col.image'),
        tr('col.dockerfile'),
        tr('col.base'),
        tr('col.size'),
        tr('col.multiStage'),
        tr('col.services'),
      ],
      rows,
    ),
    '',
    `**${cell(totalLine(report))}**`,
    '',
    `${cell(tr('inventory.legend'))}`,
    '',
  ];
}

function imageSection(section: ImageSection, n: number, tr: Translate): string[] {
  const title =
    section.kind === 'compose'
      ? tr('image.compose', { file: section.names[0]! })
      : section.kind === 'image'
        ? `${section.names[0]} (${section.measured?.source ?? ''})`
        : `${section.names.join(', ')} (${section.dockerfiles.join(', ')})`;
  const out = [`<a id="${section.id}"></a>`, '', `### 2.${n} ${cell(title)}`, ''];
  let sub = 0;
  const h = (key: AuditKey) => `#### 2.${n}.${++sub} ${tr(key)}`;
  if (section.kind !== 'compose') out.push(h('image.current'), '');
  if (section.text !== null) {
    if (section.dockerfiles.length > 1)
      out.push(cell(tr('image.identical', { files: section.dockerfiles.join(', ') })), '');
    for (const f of section.facts) out.push(`- ${cell(f.label)}: ${cell(f.value)}`);
    out.push('', fence(section.text, 'dockerfile'), '');
  }
  if (section.measured) out.push(cell(measuredLine(section.measured, tr)), '');
  out.push(h('image.issues'), '');
  if (section.issues.length === 0) out.push(tr('image.noIssues'), '');
  else
    out.push(
      ...table(
        [tr('col.id'), tr('col.problem'), tr('col.severity'), tr('col.optimization')],
        section.issues.map((i) => [
          `**${i.id}**`,
          `${prose(i.message)} (${i.docs ? `[${code(i.rule)}](${i.docs})` : code(i.rule)}, ${cell(i.file)}:${i.line})`,
          `${SEVERITY_MARK[i.severity]} ${tr(`severity.${i.severity}`)}`,
          prose(i.optimization),
        ]),
      ),
      '',
    );
  if (section.text === null) return out;
  out.push(h('image.optimized'), '');
  const optimized = section.optimized;
  if (!optimized) out.push(cell(section.optimizedNote ?? tr('word.none')), '');
  else {
    out.push(fence(optimized.dockerfile, 'dockerfile'), '');
    out.push(
      ...table(
        [tr('col.change'), tr('col.gain'), tr('col.issues')],
        optimized.changes.map((c) => [prose(c.text), cell(c.gain), ids(c.issues)]),
      ),
      '',
    );
    if (optimized.instructions.length > 0)
      out.push(
        cell(tr('image.instructions')),
        '',
        ...table(
          [tr('col.line'), tr('col.instruction'), tr('col.outcome')],
          optimized.instructions.map((i) => [
            String(i.line),
            code(firstLine(i.instruction)),
            prose(i.outcome),
          ]),
        ),
        '',
      );
    for (const f of optimized.extraFiles)
      out.push(`${cell(tr('image.extraFile', { file: f.path }))}:`, '', fence(f.text, ''), '');
    out.push(cell(tr('image.remaining', { count: optimized.remaining.length })), '');
    if (optimized.remaining.length > 0)
      out.push(
        ...optimized.remaining.map(
          (f) => `- ${SEVERITY_MARK[f.severity]} ${prose(tr('image.remainingItem', { ...f }))}`,
        ),
        '',
      );
    out.push(`${cell(tr('image.apply'))} ${code(optimized.command)}`, '');
  }
  out.push(h('image.gains'), '');
  if (section.gains.length === 0) out.push(tr('word.none'), '');
  else out.push(...section.gains.map((g) => `- ${prose(g)}`), '');
  return out;
}

function dockerignore(report: AuditReport, tr: Translate): string[] {
  if (report.dockerignore.length === 0) return [tr('ignore.none'), ''];
  const out = [cell(tr('ignore.intro')), ''];
  report.dockerignore.forEach((p, i) => {
    const scope =
      p.scope === 'context' ? tr('ignore.context', { images: p.images.join(', ') }) : tr('ignore.service');
    out.push(
      `### 3.${i + 1} ${code(p.path)}: ${cell(scope)} (${cell(p.exists ? tr('ignore.exists') : tr('ignore.missing'))})`,
      '',
    );
    if (p.savedBytes !== null && p.contextBytes !== null)
      out.push(
        cell(
          p.savedBytes > 0
            ? tr('ignore.saves', {
                size: formatBytes(p.savedBytes),
                files: p.savedFiles ?? 0,
                total: formatBytes(p.contextBytes),
              })
            : tr('ignore.savesNothing', { total: formatBytes(p.contextBytes) }),
        ),
        '',
      );
    if (p.kept.length > 0) out.push(cell(tr('ignore.kept', { list: p.kept.join(' ') })), '');
    out.push(fence(p.text, 'gitignore'), '');
  });
  return out;
}

function sizes(report: AuditReport, tr: Translate): string[] {
  const s = report.sizes;
  if (s.rows.length === 0) return [tr('sizes.none'), ''];
  return [
    cell(tr('sizes.intro')),
    '',
    ...table(
      [
        tr('col.image'),
        tr('col.change'),
        tr('col.applies'),
        tr('col.saving'),
        tr('col.basis'),
        tr('col.risk'),
      ],
      s.rows.map((r) => [
        cell(r.image),
        prose(r.text),
        tr(`target.${r.target}`),
        r.savingBytes === null ? '—' : `${r.basis === 'estimated' ? '~' : ''}${formatBytes(r.savingBytes)}`,
        tr(`basis.${r.basis}`),
        `${LEVEL_MARK[r.risk]} ${tr(`level.${r.risk}`)}: ${cell(r.riskNote)}`,
      ]),
    ),
    '',
    `**${cell(tr('sizes.totalImage', { size: formatBytes(s.imageSavingBytes) }))}** · **${cell(tr('sizes.totalContext', { size: formatBytes(s.contextSavingBytes) }))}**`,
    '',
  ];
}

function security(report: AuditReport, tr: Translate): string[] {
  const sec = report.security;
  const out = [`### 5.1 ${tr('security.current')}`, ''];
  out.push(
    ...table(
      [
        tr('col.id'),
        tr('col.problem'),
        tr('col.severity'),
        tr('col.status'),
        tr('col.where'),
        tr('col.issues'),
      ],
      sec.issues.map((i) => [
        `**${i.id}**`,
        prose(i.title),
        i.severity ? `${SEVERITY_MARK[i.severity]} ${tr(`severity.${i.severity}`)}` : '—',
        tr(`status.${i.status}`),
        cell(i.where.join(', ') || '—'),
        ids(i.issues),
      ]),
    ),
    '',
    `### 5.2 ${tr('security.fixes')}`,
    '',
    ...sec.issues.filter((i) => i.status !== 'ok').map((i) => `- **${i.id}**: ${prose(i.fix)}`),
    '',
  );
  if (!sec.vulnerabilities.checked) out.push(prose(sec.vulnerabilities.note), '');
  out.push(`### 5.3 ${tr('security.ci')}`, '', cell(tr('security.ciIntro')), '');
  const names = { github: 'GitHub Actions', gitlab: 'GitLab CI', gitea: 'Gitea Actions' };
  for (const snippet of sec.ci)
    out.push(`#### ${names[snippet.system]} (${code(snippet.path)})`, '', fence(snippet.text, 'yaml'), '');
  return out;
}

function performance(report: AuditReport, tr: Translate): string[] {
  const items = report.performance.items;
  const out = table(
    [
      tr('col.id'),
      tr('col.optimization'),
      tr('col.effect'),
      tr('col.done'),
      tr('col.todo'),
      tr('col.issues'),
    ],
    items.map((i) => [
      `**${i.id}**`,
      cell(i.title),
      cell(i.effect),
      cell(i.done.join(', ') || '—'),
      cell(i.todo.join(', ') || '—'),
      ids(i.issues),
    ]),
  );
  out.push('');
  for (const i of items) out.push(`**${i.id}** ${cell(i.title)}:`, '', fence(i.how, i.howLang), '');
  return out;
}

function planItems(items: readonly PlanItem[], tr: Translate): string[] {
  if (items.length === 0) return [tr('plan.empty'), ''];
  const out: string[] = [];
  for (const item of items) {
    out.push(`- [ ] ${prose(item.text)}${item.issues.length > 0 ? ` (${item.issues.join(', ')})` : ''}`);
    if (item.command) out.push('', fence(item.command, 'sh').replace(/^/gm, '  '), '');
  }
  return [...out, ''];
}

function plan(report: AuditReport, tr: Translate): string[] {
  return [
    `### 7.1 ${tr('plan.now')}`,
    '',
    ...planItems(report.plan.now, tr),
    `### 7.2 ${tr('plan.nextWeek')}`,
    '',
    ...planItems(report.plan.nextWeek, tr),
    `### 7.3 ${tr('plan.quarter')}`,
    '',
    ...planItems(report.plan.quarter, tr),
  ];
}

function risks(report: AuditReport, tr: Translate): string[] {
  if (report.risks.length === 0) return [tr('word.none'), ''];
  return [
    ...table(
      [tr('col.id'), tr('col.risk'), tr('col.level'), tr('col.mitigation'), tr('col.issues')],
      report.risks.map((r) => [
        `**${r.id}**`,
        cell(r.risk),
        `${LEVEL_MARK[r.level]} ${tr(`level.${r.level}`)}`,
        prose(r.mitigation),
        ids(r.issues),
      ]),
    ),
    '',
  ];
}
