/** The HTML report's charts: image sizes, findings per image by severity, savings per change. */
import { formatBytes } from '../../audit/format.js';
import type { Translate } from '../../audit/i18n/index.js';
import type { AuditReport } from '../../audit/types.js';
import type { Severity } from '../../core/finding.js';
import { escapeHtml } from './escape.js';
import { type Bar, barChart } from './svg.js';

const SEVERITY_COLOR: Record<Severity, string> = {
  error: '#cf222e',
  warning: '#d4760a',
  info: '#bf9b00',
  style: '#2da44e',
};
const SIZE_COLOR = '#0969da';
const CONTEXT_COLOR = '#8250df';

export function charts(
  report: AuditReport,
  tr: Translate,
): { sizes: string; findings: string; savings: string } {
  const sizeBars: Bar[] = report.inventory.rows
    .filter((r) => r.size.bytes !== null)
    .map((r) => {
      const estimated = r.size.basis === 'estimated';
      const text = `${estimated ? '~' : ''}${formatBytes(r.size.bytes!)}`;
      return {
        label: r.name,
        parts: [
          {
            value: r.size.bytes!,
            color: SIZE_COLOR,
            dashed: estimated,
            title: `${r.name}: ${text} (${tr(`basis.${r.size.basis}`)})`,
          },
        ],
        note: text,
      };
    });

  const perImage = new Map<string, Record<Severity, number>>();
  for (const f of report.findings) {
    const name = f.image ?? f.file;
    let counts = perImage.get(name);
    if (!counts) perImage.set(name, (counts = { error: 0, warning: 0, info: 0, style: 0 }));
    counts[f.severity]++;
  }
  const findingBars: Bar[] = [...perImage].map(([name, counts]) => ({
    label: name,
    parts: (Object.keys(SEVERITY_COLOR) as Severity[]).map((s) => ({
      value: counts[s],
      color: SEVERITY_COLOR[s],
      title: `${name}: ${counts[s]} × ${tr(`severity.${s}`)}`,
    })),
    note: String(counts.error + counts.warning + counts.info + counts.style),
  }));

  const savingBars: Bar[] = report.sizes.rows
    .filter((r) => r.savingBytes !== null && r.savingBytes > 0)
    .map((r) => {
      const text = `${r.basis === 'estimated' ? '~' : ''}${formatBytes(r.savingBytes!)}`;
      return {
        label: `${r.image}: ${r.text.replace(/`/g, '')}`,
        parts: [
          {
            value: r.savingBytes!,
            color: r.target === 'image' ? SIZE_COLOR : CONTEXT_COLOR,
            dashed: r.basis === 'estimated',
            title: `${r.image}: ${r.text.replace(/`/g, '')} — ${text} (${tr(`target.${r.target}`)})`,
          },
        ],
        note: text,
      };
    });

  const figure = (title: string, svg: string, legend = '') =>
    `<figure><figcaption>${escapeHtml(title)}</figcaption>${legend}${svg}</figure>`;
  const severityLegend = `<p class="legend">${(Object.keys(SEVERITY_COLOR) as Severity[])
    .map((s) => `<span class="dot sev-${s}"></span>${escapeHtml(tr(`severity.${s}`))}`)
    .join(' ')}</p>`;
  return {
    sizes: figure(tr('chart.sizes'), barChart(tr('chart.sizes'), sizeBars, tr('chart.noData'))),
    findings: figure(
      tr('chart.findings'),
      barChart(tr('chart.findings'), findingBars, tr('chart.noData')),
      severityLegend,
    ),
    savings: figure(tr('chart.savings'), barChart(tr('chart.savings'), savingBars, tr('chart.noData'))),
  };
}
