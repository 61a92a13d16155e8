/** Labels and formats the audit renderers share (Markdown and HTML). */
import { formatBytes, formatSize } from '../../audit/format.js';
import { type AuditKey, type Translate, translator } from '../../audit/i18n/index.js';
import { type AuditReport, type MeasuredImage, SECTIONS, type SizeFigure } from '../../audit/types.js';
import type { Severity } from '../../core/finding.js';

export { formatBytes };

export const SEVERITY_MARK: Record<Severity, string> = {
  error: '🔴',
  warning: '🟠',
  info: '🟡',
  style: '🟢',
};

export const LEVEL_MARK = { high: '🔴', medium: '🟠', low: '🟢' } as const;

export function t(report: AuditReport): Translate {
  return translator(report.lang);
}

/** Numbered section titles in report order: `1. Inventory`… */
export function sectionTitles(report: AuditReport): { id: string; number: number; title: string }[] {
  const tr = t(report);
  return SECTIONS.map((s, i) => ({ id: s.id, number: i + 1, title: tr(`section.${s.id}` as AuditKey) }));
}

export function sizeText(figure: SizeFigure, tr: Translate): string {
  return formatSize(figure.bytes, figure.basis === 'estimated', tr('word.unknown'));
}

export function yesNo(value: boolean | null, tr: Translate): string {
  return value === null ? '—' : value ? tr('word.yes') : tr('word.no');
}

export function summaryLine(report: AuditReport): string {
  const s = report.summary;
  return t(report)('report.summary', {
    images: s.images,
    dockerfiles: s.dockerfiles,
    services: s.services,
    errors: s.findings.error,
    warnings: s.findings.warning,
    infos: s.findings.info,
    styles: s.findings.style,
  });
}

export function totalLine(report: AuditReport): string {
  const tr = t(report);
  const inv = report.inventory;
  if (inv.totalBytes === null) return tr('inventory.totalUnknown');
  const total = tr('inventory.total', {
    size: formatSize(inv.totalBytes, inv.totalBasis !== 'measured', tr('word.unknown')),
    basis: tr(`basis.${inv.totalBasis}` as AuditKey),
  });
  const optimized = report.summary.optimizedBytes;
  if (optimized === null || optimized === inv.totalBytes) return total;
  return `${total} · ${tr('inventory.optimized', { size: formatSize(optimized, true, '') })}`;
}

export function measuredLine(m: MeasuredImage, tr: Translate): string {
  return tr('image.measured', {
    source: m.source,
    size: formatBytes(m.bytes),
    layers: m.layers,
    user: m.user || 'root',
    waste: formatBytes(m.wastedBytes),
  });
}

/** The first line of an instruction (continuations dropped), cut to 70 characters. */
export function firstLine(text: string): string {
  const line = text.split(/\r?\n/)[0]!.replace(/\s*\\$/, '');
  return line.length > 70 ? `${line.slice(0, 69)}…` : line;
}
