/**
 * The audit report as one self-contained HTML file: no script, no external request of any kind (styles
 * inline, charts as inline SVG, a `data:` icon so browsers do not ask for /favicon.ico), a strict
 * Content-Security-Policy that allows only the page's own style block (by hash), and every text from the
 * repository escaped.
 */
import { createHash } from 'node:crypto';
import type { AuditKey, Translate } from '../../audit/i18n/index.js';
import type { AuditReport, ImageSection } from '../../audit/types.js';
import {
  firstLine,
  formatBytes,
  measuredLine,
  sectionTitles,
  sizeText,
  summaryLine,
  t,
  totalLine,
  yesNo,
} from './common.js';
import { escapeHtml as e } from './escape.js';
import { charts } from './html-charts.js';
import { auditCss } from './html-css.js';
import { idList, levelCell, link, pre, prose, severityCell, table } from './html-parts.js';
import { htmlPerformance, htmlPlan, htmlRisks, htmlSecurity } from './html-sections.js';

const LANG_TAG = { en: 'en', zh: 'zh-CN', ru: 'ru' } as const;

export function renderAuditHtml(report: AuditReport): string {
  const tr = t(report);
  const titles = sectionTitles(report);
  const css = auditCss();
  const hash = createHash('sha256').update(css).digest('base64');
  const csp = `default-src 'none'; style-src 'sha256-${hash}'; img-src data:; base-uri 'none'; form-action 'none'`;
  const section = (i: number, body: string) =>
    `<section id="${titles[i]!.id}"><h2>${titles[i]!.number}. ${e(titles[i]!.title)}</h2>${body}</section>`;
  const parts = [
    '<!doctype html>',
    `<html lang="${LANG_TAG[report.lang]}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${e(csp)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    '<link rel="icon" href="data:,">',
    `<title>${e(tr('report.title'))}: ${e(report.root)}</title>`,
    `<style>${css}</style>`,
    '</head>',
    '<body>',
    '<header>',
    `<h1>${e(tr('report.title'))}</h1>`,
    `<p class="meta">${e(tr('report.meta', { root: report.root, date: report.date, version: report.version }))}</p>`,
    `<p class="summary">${e(summaryLine(report))}</p>`,
    `<nav><strong>${e(tr('report.toc'))}</strong><ol>${titles.map((s) => `<li><a href="#${s.id}">${e(s.title)}</a></li>`).join('')}</ol></nav>`,
    '</header>',
    '<main>',
    section(0, inventory(report, tr)),
    section(
      1,
      report.images.map((s, i) => imageSection(s, i + 1, tr)).join('') ||
        `<p>${e(tr('inventory.empty'))}</p>`,
    ),
    section(2, dockerignore(report, tr)),
    section(3, sizes(report, tr)),
    section(4, htmlSecurity(report, tr)),
    section(5, htmlPerformance(report, tr)),
    section(6, htmlPlan(report, tr)),
    section(7, htmlRisks(report, tr)),
    errors(report, tr),
    '</main>',
    `<footer>${prose(tr('report.footer', { version: report.version }))}</footer>`,
    '</body>',
    '</html>',
  ];
  return `${parts.join('\n')}\n`;
}

function inventory(report: AuditReport, tr: Translate): string {
  if (report.inventory.rows.length === 0) return `<p>${e(tr('inventory.empty'))}</p>`;
  const rows = report.inventory.rows.map((r) => {
    const kind =
      r.kind === 'build'
        ? ''
        : ` <span class="tag">${e(r.kind === 'image' ? tr('inventory.imageOnly') : r.official ? tr('inventory.official') : tr('inventory.serviceImage'))}</span>`;
    const name = r.section ? `<a href="#${e(r.section)}">${e(r.name)}</a>` : e(r.name);
    return [
      `${name}${kind}`,
      r.dockerfile ? `<code>${e(r.dockerfile)}</code>` : '—',
      r.base ? `<code>${e(r.base)}</code>` : '—',
      `<span class="size size-${r.size.basis}" title="${e(r.size.detail.join('\n'))}">${e(sizeText(r.size, tr))}</span>`,
      e(yesNo(r.multiStage, tr)),
      e(r.services.join(', ') || '—'),
    ];
  });
  return [
    charts(report, tr).sizes,
    table(
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
    `<p><strong>${e(totalLine(report))}</strong></p>`,
    `<p class="note">${e(tr('inventory.legend'))}</p>`,
    charts(report, tr).findings,
  ].join('');
}

function imageSection(section: ImageSection, n: number, tr: Translate): string {
  const title =
    section.kind === 'compose'
      ? tr('image.compose', { file: section.names[0]! })
      : section.kind === 'image'
        ? `${section.names[0]} (${section.measured?.source ?? ''})`
        : `${section.names.join(', ')} (${section.dockerfiles.join(', ')})`;
  const out = [`<article id="${e(section.id)}"><h3>2.${n} ${e(title)}</h3>`];
  let sub = 0;
  const h = (key: AuditKey) => `<h4>2.${n}.${++sub} ${e(tr(key))}</h4>`;
  if (section.kind !== 'compose') out.push(h('image.current'));
  if (section.text !== null) {
    if (section.dockerfiles.length > 1)
      out.push(`<p>${e(tr('image.identical', { files: section.dockerfiles.join(', ') }))}</p>`);
    out.push(
      `<dl class="facts">${section.facts.map((f) => `<dt>${e(f.label)}</dt><dd>${e(f.value)}</dd>`).join('')}</dl>`,
    );
    out.push(pre(section.text, 'dockerfile'));
  }
  if (section.measured) out.push(`<p>${e(measuredLine(section.measured, tr))}</p>`);
  out.push(h('image.issues'));
  out.push(
    section.issues.length === 0
      ? `<p>${e(tr('image.noIssues'))}</p>`
      : table(
          [tr('col.id'), tr('col.problem'), tr('col.severity'), tr('col.optimization')],
          section.issues.map((i) => [
            `<strong id="${e(i.id)}">${e(i.id)}</strong>`,
            `${prose(i.message)} <span class="where">(${link(`<code>${e(i.rule)}</code>`, i.docs)}, ${e(`${i.file}:${i.line}`)})</span>`,
            severityCell(i.severity, tr),
            prose(i.optimization),
          ]),
          'issues',
        ),
  );
  if (section.text !== null) {
    out.push(h('image.optimized'));
    const o = section.optimized;
    if (!o) out.push(`<p class="note">${e(section.optimizedNote ?? tr('word.none'))}</p>`);
    else {
      out.push(pre(o.dockerfile, 'dockerfile'));
      out.push(
        table(
          [tr('col.change'), tr('col.gain'), tr('col.issues')],
          o.changes.map((c) => [prose(c.text), e(c.gain), idList(c.issues)]),
        ),
      );
      if (o.instructions.length > 0)
        out.push(
          `<p>${e(tr('image.instructions'))}</p>`,
          table(
            [tr('col.line'), tr('col.instruction'), tr('col.outcome')],
            o.instructions.map((i) => [
              String(i.line),
              `<code>${e(firstLine(i.instruction))}</code>`,
              prose(i.outcome),
            ]),
          ),
        );
      for (const f of o.extraFiles)
        out.push(`<p>${e(tr('image.extraFile', { file: f.path }))}</p>${pre(f.text)}`);
      out.push(`<p>${e(tr('image.remaining', { count: o.remaining.length }))}</p>`);
      if (o.remaining.length > 0)
        out.push(
          `<ul>${o.remaining
            .map(
              (f) => `<li>${severityCell(f.severity, tr)} ${prose(tr('image.remainingItem', { ...f }))}</li>`,
            )
            .join('')}</ul>`,
        );
      out.push(`<p>${e(tr('image.apply'))} <code>${e(o.command)}</code></p>`);
    }
    out.push(h('image.gains'));
    out.push(
      section.gains.length === 0
        ? `<p>${e(tr('word.none'))}</p>`
        : `<ul>${section.gains.map((g) => `<li>${prose(g)}</li>`).join('')}</ul>`,
    );
  }
  out.push('</article>');
  return out.join('');
}

function dockerignore(report: AuditReport, tr: Translate): string {
  if (report.dockerignore.length === 0) return `<p>${e(tr('ignore.none'))}</p>`;
  const out = [`<p class="note">${e(tr('ignore.intro'))}</p>`];
  report.dockerignore.forEach((p, i) => {
    const scope =
      p.scope === 'context' ? tr('ignore.context', { images: p.images.join(', ') }) : tr('ignore.service');
    out.push(
      `<h3>3.${i + 1} <code>${e(p.path)}</code>: ${e(scope)} <span class="tag">${e(p.exists ? tr('ignore.exists') : tr('ignore.missing'))}</span></h3>`,
    );
    if (p.savedBytes !== null && p.contextBytes !== null)
      out.push(
        `<p>${e(
          p.savedBytes > 0
            ? tr('ignore.saves', {
                size: formatBytes(p.savedBytes),
                files: p.savedFiles ?? 0,
                total: formatBytes(p.contextBytes),
              })
            : tr('ignore.savesNothing', { total: formatBytes(p.contextBytes) }),
        )}</p>`,
      );
    if (p.kept.length > 0) out.push(`<p>${e(tr('ignore.kept', { list: p.kept.join(' ') }))}</p>`);
    out.push(`<details><summary><code>${e(p.path)}</code></summary>${pre(p.text, 'gitignore')}</details>`);
  });
  return out.join('');
}

function sizes(report: AuditReport, tr: Translate): string {
  const s = report.sizes;
  if (s.rows.length === 0) return `<p>${e(tr('sizes.none'))}</p>`;
  return [
    `<p class="note">${e(tr('sizes.intro'))}</p>`,
    charts(report, tr).savings,
    table(
      [
        tr('col.image'),
        tr('col.change'),
        tr('col.applies'),
        tr('col.saving'),
        tr('col.basis'),
        tr('col.risk'),
      ],
      s.rows.map((r) => [
        e(r.image),
        prose(r.text),
        e(tr(`target.${r.target}`)),
        r.savingBytes === null
          ? '—'
          : e(`${r.basis === 'estimated' ? '~' : ''}${formatBytes(r.savingBytes)}`),
        e(tr(`basis.${r.basis}`)),
        `${levelCell(r.risk, tr)} ${e(r.riskNote)}`,
      ]),
    ),
    `<p><strong>${e(tr('sizes.totalImage', { size: formatBytes(s.imageSavingBytes) }))}</strong> · <strong>${e(tr('sizes.totalContext', { size: formatBytes(s.contextSavingBytes) }))}</strong></p>`,
  ].join('');
}

function errors(report: AuditReport, tr: Translate): string {
  if (report.errors.length === 0) return '';
  const items = report.errors.map(
    (x) =>
      `<li><code>${e(`${x.file}${x.line ? `:${x.line}${x.column ? `:${x.column}` : ''}` : ''}`)}</code> ${e(x.message)}</li>`,
  );
  return `<section id="errors"><h2>${e(tr('report.errors'))}</h2><ul>${items.join('')}</ul></section>`;
}
