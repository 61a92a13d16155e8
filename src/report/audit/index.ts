/** Renders an audit report in one of its formats. */
import type { AuditReport } from '../../audit/types.js';
import { renderAuditHtml } from './html.js';
import { renderAuditJson } from './json.js';
import { renderAuditMarkdown } from './markdown.js';

export const AUDIT_FORMATS = ['markdown', 'html', 'json'] as const;
export type AuditFormat = (typeof AUDIT_FORMATS)[number];

export function isAuditFormat(value: unknown): value is AuditFormat {
  return typeof value === 'string' && (AUDIT_FORMATS as readonly string[]).includes(value);
}

/** File name extension of each format (the default output is `dockaudit-report.<ext>`). */
export const AUDIT_EXTENSIONS: Record<AuditFormat, string> = { markdown: 'md', html: 'html', json: 'json' };

export function renderAudit(report: AuditReport, format: AuditFormat): string {
  switch (format) {
    case 'html':
      return renderAuditHtml(report);
    case 'json':
      return renderAuditJson(report);
    default:
      return renderAuditMarkdown(report);
  }
}
