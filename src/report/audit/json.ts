/** The audit report as JSON: the audit model as is (`docs/audit.md` documents its fields). */
import type { AuditReport } from '../../audit/types.js';

export function renderAuditJson(report: AuditReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
