/**
 * Section 5: security findings of every source gathered by topic — containers that run as root, secrets,
 * vulnerabilities — and the other security findings grouped by rule, each with the short ids of the
 * issues behind it; then CI jobs that keep checking.
 */
import { type Finding, type Severity, severityRank } from '../core/finding.js';
import type { Translate } from './i18n/index.js';
import type { CiSnippet, SecurityIssue, SecuritySection } from './types.js';

/** Rules whose finding means "this container runs as root" (Dockerfile, compose and image rules). */
const ROOT_RULES = new Set(['final-stage-root', 'user-root', 'service-runs-as-root', 'image-runs-as-root']);
const ROOT_ALIASES = new Set(['DL3002']);

export function isRootFinding(f: Finding): boolean {
  return ROOT_RULES.has(f.rule) || f.aliases.some((a) => ROOT_ALIASES.has(a));
}

/** Secret rules follow one naming convention across targets (`secret-*`, `*-secret-*`). */
export function isSecretFinding(f: Finding): boolean {
  return /(?:^|-)secrets?(?:-|$)/.test(f.rule);
}

/** DA8xxx: the vulnerability family. */
export function isVulnerabilityFinding(f: Finding): boolean {
  return /^DA8\d{3}$/.test(f.code);
}

export interface SecurityInput {
  findings: readonly Finding[];
  issueOf: ReadonlyMap<Finding, string>;
  imageOf: ReadonlyMap<Finding, string>;
  /** Compose findings (they group under their own topic). */
  composeFindings: ReadonlySet<Finding>;
  /**
   * Null when no built image was given; else the images whose packages were checked against the
   * database (counts by level) and notes (no database yet, expired ignore entries).
   */
  vulnerabilities: { scanned: { name: string; counts: Record<string, number> }[]; notes: string[] } | null;
  ci: CiSnippet[];
  t: Translate;
}

function worst(findings: readonly Finding[]): Severity | null {
  let out: Severity | null = null;
  for (const f of findings) if (!out || severityRank(f.severity) > severityRank(out)) out = f.severity;
  return out;
}

function unique(values: Iterable<string>): string[] {
  return [...new Set(values)];
}

export function buildSecurity(input: SecurityInput): SecuritySection {
  const { t } = input;
  const ids = (fs: readonly Finding[]) => fs.flatMap((f) => input.issueOf.get(f) ?? []);
  const where = (fs: readonly Finding[]) => unique(fs.map((f) => input.imageOf.get(f) ?? f.file));
  const root = input.findings.filter(isRootFinding);
  const secrets = input.findings.filter(isSecretFinding);
  const vulns = input.findings.filter(isVulnerabilityFinding);
  const issues: Omit<SecurityIssue, 'id'>[] = [];

  issues.push({
    topic: 'root',
    severity: worst(root),
    title: root.length > 0 ? t('security.root', { names: where(root).join(', ') }) : t('security.rootNone'),
    status: root.length > 0 ? 'problem' : 'ok',
    where: where(root),
    issues: ids(root),
    fix: t('security.rootFix'),
  });
  issues.push({
    topic: 'secrets',
    severity: worst(secrets),
    title: secrets.length > 0 ? t('security.secrets', { count: secrets.length }) : t('security.secretsNone'),
    status: secrets.length > 0 ? 'problem' : 'ok',
    where: where(secrets),
    issues: ids(secrets),
    fix: t('security.secretsFix'),
  });
  const given = input.vulnerabilities;
  const scanned = given && given.scanned.length > 0 ? given.scanned : null;
  const vulnCount = scanned
    ? scanned.reduce((n, i) => n + Object.values(i.counts).reduce((a, b) => a + b, 0), 0)
    : 0;
  issues.push({
    topic: 'vulnerabilities',
    severity: worst(vulns),
    title:
      scanned === null
        ? t(given ? 'security.vulnsNoDatabase' : 'security.vulnsNotChecked')
        : vulnCount > 0
          ? t('security.vulns', { count: vulnCount, images: scanned.length })
          : t('security.vulnsNone', { images: scanned.length }),
    status: scanned === null ? 'not-checked' : vulnCount > 0 ? 'problem' : 'ok',
    where: scanned?.map((s) => s.name) ?? [],
    issues: ids(vulns),
    fix: t('security.vulnsFix'),
  });

  // Every other security finding, grouped by rule (compose rules under their own topic).
  const byRule = new Map<string, Finding[]>();
  for (const f of input.findings) {
    if (f.category !== 'security' || isRootFinding(f) || isSecretFinding(f) || isVulnerabilityFinding(f))
      continue;
    let list = byRule.get(f.rule);
    if (!list) byRule.set(f.rule, (list = []));
    list.push(f);
  }
  const groups = [...byRule.values()].sort(
    (a, b) => severityRank(worst(b)!) - severityRank(worst(a)!) || b.length - a.length,
  );
  for (const list of groups) {
    const first = list[0]!;
    issues.push({
      topic: input.composeFindings.has(first) ? 'compose' : 'other',
      severity: worst(list),
      title:
        list.length === 1
          ? first.message
          : t('security.grouped', { message: first.message, more: list.length - 1 }),
      status: 'problem',
      where: where(list),
      issues: ids(list),
      fix: t('security.groupFix', { rule: first.rule }),
    });
  }

  return {
    issues: issues.map((issue, i) => ({ id: `S-${i + 1}`, ...issue })),
    rootContainers: root.map((f) => ({
      name: input.imageOf.get(f) ?? f.file,
      rule: f.rule,
      file: f.file,
      line: f.line,
    })),
    secrets: secrets.map((f) => ({ file: f.file, line: f.line, rule: f.rule, message: f.message })),
    vulnerabilities: {
      checked: scanned !== null,
      images: scanned ?? [],
      note:
        scanned !== null
          ? t('security.vulnsChecked', { images: scanned.length })
          : given
            ? [t('security.vulnsDatabaseHow'), ...given.notes].join(' ')
            : t('security.vulnsHow'),
    },
    ci: input.ci,
  };
}
