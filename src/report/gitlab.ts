import { createHash } from 'node:crypto';
import type { Category, Severity } from '../core/finding.js';
import { fingerprintsOf } from './fingerprint.js';
import { reportPath } from './sources.js';
import type { RenderOptions, ReportInput } from './types.js';

// GitLab Code Quality severities: info, minor, major, critical, blocker.
const GITLAB_SEVERITY: Record<Severity, string> = {
  error: 'critical',
  warning: 'major',
  info: 'minor',
  style: 'info',
};

// Code Climate categories, which GitLab accepts alongside its required fields.
const CODE_CLIMATE_CATEGORY: Record<Category, string> = {
  size: 'Performance',
  cache: 'Performance',
  security: 'Security',
  reliability: 'Bug Risk',
  maintainability: 'Clarity',
  correctness: 'Bug Risk',
};

/** GitLab Code Quality report (a JSON array of issues), for `artifacts: reports: codequality`. */
export function renderGitlab(input: ReportInput, options: RenderOptions): string {
  const fingerprints = fingerprintsOf(input, options.sources);
  const issues: Record<string, unknown>[] = input.findings.map((f) => ({
    type: 'issue',
    check_name: f.rule,
    description: `${f.message} (${f.rule} ${f.code})`,
    categories: [CODE_CLIMATE_CATEGORY[f.category]],
    severity: GITLAB_SEVERITY[f.severity],
    fingerprint: fingerprints.get(f),
    location: { path: reportPath(f.file), lines: { begin: f.line, end: f.endLine } },
  }));
  for (const e of input.errors) {
    issues.push({
      type: 'issue',
      check_name: 'input-error',
      description: e.message,
      categories: ['Bug Risk'],
      severity: 'blocker',
      fingerprint: createHash('sha256')
        .update(['input-error', reportPath(e.file), e.message].join('\u0000'))
        .digest('hex')
        .slice(0, 32),
      location: { path: reportPath(e.file), lines: { begin: e.line ?? 1 } },
    });
  }
  return `${JSON.stringify(issues, null, 2)}\n`;
}
