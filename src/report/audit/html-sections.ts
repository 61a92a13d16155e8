/** Sections 5–8 of the HTML report: security, build performance, the plan and the risks. */
import type { Translate } from '../../audit/i18n/index.js';
import type { AuditReport, PlanItem } from '../../audit/types.js';
import { escapeHtml as e } from './escape.js';
import { idList, levelCell, pre, prose, severityCell, table } from './html-parts.js';

const CI_NAMES = { github: 'GitHub Actions', gitlab: 'GitLab CI', gitea: 'Gitea Actions' } as const;

export function htmlSecurity(report: AuditReport, tr: Translate): string {
  const sec = report.security;
  const out = [`<h3>5.1 ${e(tr('security.current'))}</h3>`];
  out.push(
    table(
      [
        tr('col.id'),
        tr('col.problem'),
        tr('col.severity'),
        tr('col.status'),
        tr('col.where'),
        tr('col.issues'),
      ],
      sec.issues.map((i) => [
        `<strong>${e(i.id)}</strong>`,
        prose(i.title),
        i.severity ? severityCell(i.severity, tr) : '—',
        `<span class="status status-${i.status}">${e(tr(`status.${i.status}`))}</span>`,
        e(i.where.join(', ') || '—'),
        idList(i.issues),
      ]),
    ),
  );
  out.push(`<h3>5.2 ${e(tr('security.fixes'))}</h3><ul>`);
  for (const i of sec.issues)
    if (i.status !== 'ok') out.push(`<li><strong>${e(i.id)}</strong>: ${prose(i.fix)}</li>`);
  out.push('</ul>');
  if (!sec.vulnerabilities.checked) out.push(`<p class="note">${prose(sec.vulnerabilities.note)}</p>`);
  out.push(`<h3>5.3 ${e(tr('security.ci'))}</h3><p class="note">${e(tr('security.ciIntro'))}</p>`);
  for (const s of sec.ci)
    out.push(
      `<details><summary>${e(CI_NAMES[s.system])}: <code>${e(s.path)}</code></summary>${pre(s.text, 'yaml')}</details>`,
    );
  return out.join('');
}

export function htmlPerformance(report: AuditReport, tr: Translate): string {
  return table(
    [
      tr('col.id'),
      tr('col.optimization'),
      tr('col.effect'),
      tr('col.how'),
      tr('col.done'),
      tr('col.todo'),
      tr('col.issues'),
    ],
    report.performance.items.map((i) => [
      `<strong>${e(i.id)}</strong>`,
      e(i.title),
      e(i.effect),
      pre(i.how),
      e(i.done.join(', ') || '—'),
      e(i.todo.join(', ') || '—'),
      idList(i.issues),
    ]),
    'perf',
  );
}

function planList(items: readonly PlanItem[], tr: Translate): string {
  if (items.length === 0) return `<p>${e(tr('plan.empty'))}</p>`;
  const li = items.map(
    (i) =>
      `<li><label><input type="checkbox" disabled> ${prose(i.text)}</label>${
        i.issues.length > 0 ? ` <span class="where">(${e(i.issues.join(', '))})</span>` : ''
      }${i.command ? pre(i.command, 'sh') : ''}</li>`,
  );
  return `<ul class="plan">${li.join('')}</ul>`;
}

export function htmlPlan(report: AuditReport, tr: Translate): string {
  return [
    `<h3>7.1 ${e(tr('plan.now'))}</h3>`,
    planList(report.plan.now, tr),
    `<h3>7.2 ${e(tr('plan.nextWeek'))}</h3>`,
    planList(report.plan.nextWeek, tr),
    `<h3>7.3 ${e(tr('plan.quarter'))}</h3>`,
    planList(report.plan.quarter, tr),
  ].join('');
}

export function htmlRisks(report: AuditReport, tr: Translate): string {
  if (report.risks.length === 0) return `<p>${e(tr('word.none'))}</p>`;
  return table(
    [tr('col.id'), tr('col.risk'), tr('col.level'), tr('col.mitigation'), tr('col.issues')],
    report.risks.map((r) => [
      `<strong>${e(r.id)}</strong>`,
      prose(r.risk),
      levelCell(r.level, tr),
      prose(r.mitigation),
      idList(r.issues),
    ]),
  );
}
