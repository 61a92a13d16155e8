/**
 * Section 7: the implementation path. What is cheap and safe comes now (ignore files, automatic fixes,
 * secrets, errors), adopting the optimized Dockerfiles and non-root users next week, CI, image scanning
 * and build caching this quarter. Each issue is planned once, in the earliest step that covers it.
 */
import { posix } from 'node:path';
import { shellQuote } from './format.js';
import type { Translate } from './i18n/index.js';
import type { IgnoreProposalEntry, ImageSection, Issue, Plan, PlanItem, SecurityIssue } from './types.js';

export interface PlanInput {
  sections: readonly ImageSection[];
  proposals: readonly IgnoreProposalEntry[];
  security: readonly SecurityIssue[];
  /** A path as the user types it (the audited folder prefixed). */
  pathOf: (path: string) => string;
  dir: string;
  canReadImages: boolean;
  t: Translate;
}

export function buildPlan(input: PlanInput): Plan {
  const { t } = input;
  const issues = input.sections.flatMap((s) => s.issues);
  const covered = new Set<string>();
  const take = (list: readonly Issue[]): string[] => {
    const out: string[] = [];
    for (const i of list)
      if (!covered.has(i.id)) {
        covered.add(i.id);
        out.push(i.id);
      }
    return out;
  };
  const item = (text: string, command: string | null, ids: string[] = []): PlanItem => ({
    text,
    command,
    issues: ids,
  });
  const securityIds = (topic: SecurityIssue['topic']) =>
    new Set(input.security.filter((s) => s.topic === topic).flatMap((s) => s.issues));

  const now: PlanItem[] = [];
  const missing = input.proposals.filter((p) => !p.exists);
  if (missing.length > 0) {
    const contexts = [
      ...new Set(missing.map((p) => input.pathOf(p.path.replace(/\/?\.dockerignore$/, '') || '.'))),
    ];
    now.push(
      item(
        t('plan.dockerignore', { files: missing.map((p) => p.path).join(', ') }),
        contexts.map((c) => `dockaudit context ${shellQuote(c)} --write`).join('\n'),
        take(issues.filter((i) => i.source === 'context')),
      ),
    );
  }
  const safe = issues.filter((i) => i.remedy === 'autofix');
  if (safe.length > 0)
    now.push(
      item(t('plan.autofix', { count: safe.length }), `dockaudit fix ${shellQuote(input.dir)}`, take(safe)),
    );
  const secretIds = securityIds('secrets');
  const secrets = issues.filter((i) => secretIds.has(i.id));
  if (secrets.length > 0) {
    take(secrets);
    now.push(
      item(
        t('plan.secrets'),
        null,
        secrets.map((i) => i.id),
      ),
    );
  }
  const errors = issues.filter((i) => i.severity === 'error' && !covered.has(i.id));
  if (errors.length > 0) now.push(item(t('plan.errors', { count: errors.length }), null, take(errors)));

  const nextWeek: PlanItem[] = [];
  for (const section of input.sections) {
    if (!section.optimized) continue;
    const args = optimizeArgs(section, input.pathOf);
    nextWeek.push(
      item(
        t('plan.optimized', { name: section.names.join(', ') }),
        `dockaudit optimize ${args} --verify\ndockaudit optimize ${args} --write`,
        take(section.issues.filter((i) => i.remedy === 'optimized')),
      ),
    );
  }
  const rootIds = securityIds('root');
  const root = issues.filter((i) => rootIds.has(i.id));
  if (root.length > 0) nextWeek.push(item(t('plan.nonRoot'), null, take(root)));
  const unsafe = issues.filter((i) => i.remedy === 'autofix-unsafe' && !covered.has(i.id));
  if (unsafe.length > 0)
    nextWeek.push(
      item(
        t('plan.unsafeFixes', { count: unsafe.length }),
        `dockaudit fix --unsafe --dry-run ${shellQuote(input.dir)}`,
        take(unsafe),
      ),
    );
  const warnings = issues.filter((i) => i.severity === 'warning' && !covered.has(i.id));
  if (warnings.length > 0)
    nextWeek.push(item(t('plan.warnings', { count: warnings.length }), null, take(warnings)));

  const quarter: PlanItem[] = [
    item(t('plan.ci'), null),
    item(t('plan.baseline'), `dockaudit baseline -o .dockaudit-baseline.json ${shellQuote(input.dir)}`),
  ];
  if (input.canReadImages)
    quarter.push(item(t('plan.images'), `dockaudit audit ${shellQuote(input.dir)} --image NAME=IMAGE.tar`));
  quarter.push(item(t('plan.buildCache'), null));
  const rest = issues.filter((i) => !covered.has(i.id));
  if (rest.length > 0) quarter.push(item(t('plan.rest', { count: rest.length }), null, take(rest)));
  return { now, nextWeek, quarter };
}

/**
 * The arguments of `dockaudit optimize` for a section: its Dockerfile, and `--context` when the build
 * context is not the Dockerfile's own folder (the optimizer's default).
 */
export function optimizeArgs(section: ImageSection, pathOf: (path: string) => string): string {
  const dockerfile = section.dockerfiles[0]!;
  const file = shellQuote(pathOf(dockerfile));
  const own = posix.dirname(dockerfile);
  if (section.context === null || section.context === own) return file;
  return `${file} --context ${shellQuote(pathOf(section.context))}`;
}
