/**
 * Section 2 of the report: one section per Dockerfile (identical Dockerfiles with identical findings
 * share one), plus one per compose project for the findings of services that build nothing here. Each
 * finding gets a short id under the section's prefix.
 */
import { compareFindings, type Finding, severityRank } from '../core/finding.js';
import type { RuleMeta } from '../core/rule.js';
import { ruleDocsUrl } from '../report/rule-docs.js';
import { ServiceLocator } from './compose-map.js';
import { shownPath } from './discover.js';
import { type DockerfileFacts, dockerfileFacts } from './dockerfile-facts.js';
import { formatBytes, shellQuote } from './format.js';
import type { Translate } from './i18n/index.js';
import { anchorIds, issuePrefixes } from './ids.js';
import type { AuditRun, TargetRun } from './run.js';
import type { Fact, ImageSection, Issue } from './types.js';

/** What the optimizer did for a target, as the issue tables need it. */
export interface OptimizerAnswer {
  /** Localized text of the change that answers a rule (by rule id, code or alias), if any. */
  changeFor(finding: Finding): string | null;
  /** Whether the optimized Dockerfile no longer has any finding of this finding's rule. */
  resolves(finding: Finding): boolean;
}

export interface SectionsInput {
  run: AuditRun;
  t: Translate;
  /** A report path as the user would type it (prefixed with the audited folder as given). */
  pathOf: (path: string) => string;
  optimizerFor?: (target: TargetRun) => OptimizerAnswer | null;
}

export interface SectionsResult {
  sections: ImageSection[];
  /** The section each target is in. */
  byTarget: Map<TargetRun, ImageSection>;
  /** Issue id of each finding shown. */
  issueOf: Map<Finding, string>;
  /** Image (or compose project) each finding belongs to. */
  imageOf: Map<Finding, string>;
  factsOf: Map<TargetRun, DockerfileFacts>;
}

const SOURCE_ORDER: Issue['source'][] = ['dockerfile', 'context', 'image', 'vulnerability', 'compose'];

interface Group {
  targets: TargetRun[];
  findings: { finding: Finding; source: Issue['source'] }[];
  /** The compose file, for the section of services that build nothing here. */
  compose: string | null;
  /** The image name, for a built image given without its Dockerfile. */
  image: string | null;
}

export function buildSections(input: SectionsInput): SectionsResult {
  const { run, t } = input;
  const locator = new ServiceLocator(run.compose.projects);
  const targetOfService = new Map<string, TargetRun>();
  for (const target of run.targets)
    for (const s of target.target.services) if (!targetOfService.has(s)) targetOfService.set(s, target);

  const contextRules = new Set(run.rules.filter((r) => /^DA6/.test(r.code)).map((r) => r.id));
  const groups: Group[] = [];
  const groupOf = new Map<TargetRun, Group>();
  // Dockerfiles with the same text and the same findings share a section.
  const byKey = new Map<string, Group>();
  for (const target of run.targets) {
    const key = groupKey(target);
    const same = key === null ? undefined : byKey.get(key);
    if (same) {
      same.targets.push(target);
      groupOf.set(target, same);
      continue;
    }
    const findings = target.findings.map((finding) => ({
      finding,
      source: (contextRules.has(finding.rule) ? 'context' : 'dockerfile') as Issue['source'],
    }));
    const group: Group = { targets: [target], findings, compose: null, image: null };
    groups.push(group);
    groupOf.set(target, group);
    if (key !== null) byKey.set(key, group);
  }
  const composeGroups = new Map<string, Group>();
  for (const finding of run.compose.findings) {
    const service = locator.serviceOf(finding);
    const target = service ? targetOfService.get(service) : undefined;
    if (target) {
      groupOf.get(target)!.findings.push({ finding, source: 'compose' });
      continue;
    }
    let group = composeGroups.get(finding.file);
    if (!group) {
      group = { targets: [], findings: [], compose: finding.file, image: null };
      composeGroups.set(finding.file, group);
      groups.push(group);
    }
    group.findings.push({ finding, source: 'compose' });
  }

  for (const image of run.images) {
    const target = image.dockerfile
      ? run.targets.find((t) => t.target.dockerfile === image.dockerfile)
      : undefined;
    let group = target ? groupOf.get(target) : undefined;
    if (!group) {
      group = { targets: [], findings: [], compose: null, image: image.spec.name };
      groups.push(group);
    }
    for (const finding of image.findings)
      group.findings.push({ finding, source: /^DA8\d{3}$/.test(finding.code) ? 'vulnerability' : 'image' });
  }

  const names = groups.map((g) => g.image ?? (g.compose !== null ? 'compose' : g.targets[0]!.target.name));
  const prefixes = issuePrefixes(names);
  const anchors = anchorIds(names, 'image');
  const meta = new Map<string, RuleMeta>(run.rules.map((r) => [r.id, r]));
  const result: SectionsResult = {
    sections: [],
    byTarget: new Map(),
    issueOf: new Map(),
    imageOf: new Map(),
    factsOf: new Map(),
  };
  for (const [i, group] of groups.entries()) {
    const first = group.targets[0];
    const facts = first?.analysis ? dockerfileFacts(first.analysis) : null;
    for (const target of group.targets) if (facts) result.factsOf.set(target, facts);
    const answer = first ? (input.optimizerFor?.(first) ?? null) : null;
    const ordered = [...group.findings].sort(
      (a, b) =>
        severityRank(b.finding.severity) - severityRank(a.finding.severity) ||
        SOURCE_ORDER.indexOf(a.source) - SOURCE_ORDER.indexOf(b.source) ||
        compareFindings(a.finding, b.finding),
    );
    const issues = ordered.map(({ finding, source }, n): Issue => {
      const id = `${prefixes[i]}-${n + 1}`;
      result.issueOf.set(finding, id);
      // Findings of services that build nothing here belong to the service they point into.
      result.imageOf.set(
        finding,
        group.compose !== null ? (locator.serviceOf(finding) ?? names[i]!) : names[i]!,
      );
      return issueOf(finding, source, id, answer, input, meta);
    });
    const section: ImageSection = {
      id: anchors[i]!,
      kind: group.image !== null ? 'image' : group.compose !== null ? 'compose' : 'dockerfile',
      prefix: prefixes[i]!,
      names:
        group.image !== null
          ? [group.image]
          : group.compose !== null
            ? [group.compose]
            : group.targets.map((g) => g.target.name),
      dockerfiles: group.targets.map((g) => g.target.dockerfile),
      context: first?.context ? shownPath(run.root, first.target.context) : null,
      text: first?.text ?? null,
      facts: first && facts ? factsList(first, facts, t) : [],
      issues,
      optimized: null,
      optimizedNote: null,
      gains: [],
      measured: null,
    };
    result.sections.push(section);
    for (const target of group.targets) result.byTarget.set(target, section);
  }
  return result;
}

/**
 * Identical text and the same findings at the same places (the seed's "agent + h5 identical"), with the
 * Dockerfile's own path taken out of messages; null when a finding points at another file.
 */
function groupKey(run: TargetRun): string | null {
  const own = run.target.dockerfile;
  if (run.text === null || run.findings.some((f) => f.file !== own)) return null;
  const findings = run.findings.map(
    (f) => `${f.rule}:${f.line}:${f.column}:${f.message.replaceAll(own, '')}`,
  );
  return `${run.text}\u0000${findings.join('\n')}`;
}

function issueOf(
  finding: Finding,
  source: Issue['source'],
  id: string,
  answer: OptimizerAnswer | null,
  input: SectionsInput,
  meta: Map<string, RuleMeta>,
): Issue {
  const { t } = input;
  // A change answers an issue only when the optimized version no longer has it.
  const ownFile = source === 'dockerfile' || source === 'context';
  const change = ownFile && answer?.resolves(finding) ? answer.changeFor(finding) : null;
  let remedy: Issue['remedy'];
  let optimization: string;
  if (change !== null) {
    remedy = 'optimized';
    optimization = t('remedy.optimized', { change });
  } else if (finding.fixable === 'safe' && source === 'dockerfile') {
    remedy = 'autofix';
    optimization = t('remedy.autofix', { file: shellQuote(input.pathOf(finding.file)) });
  } else if (source === 'dockerfile' && answer?.resolves(finding)) {
    remedy = 'optimized';
    optimization = t('remedy.optimizedResolved');
  } else if (finding.fixable === 'suggested' && source === 'dockerfile') {
    remedy = 'autofix-unsafe';
    optimization = t('remedy.autofixUnsafe', { file: shellQuote(input.pathOf(finding.file)) });
  } else if (source === 'context') {
    remedy = 'dockerignore';
    optimization = t('remedy.dockerignore');
  } else {
    remedy = 'manual';
    optimization = t('remedy.manual', { rule: meta.get(finding.rule)?.id ?? finding.rule });
  }
  return {
    id,
    source,
    file: finding.file,
    line: finding.line,
    column: finding.column,
    rule: finding.rule,
    code: finding.code,
    severity: finding.severity,
    category: finding.category,
    message: finding.message,
    fixable: finding.fixable ?? null,
    optimization,
    remedy,
    docs: ruleDocsUrl(finding.rule) ?? null,
  };
}

function factsList(target: TargetRun, facts: DockerfileFacts, t: Translate): Fact[] {
  const yes = t('word.yes');
  const no = t('word.no');
  const out: Fact[] = [
    { key: 'dockerfile', label: t('fact.dockerfile'), value: target.target.dockerfile },
    {
      key: 'stages',
      label: t('fact.stages'),
      value: `${facts.stages} (${facts.stageNames.join(', ')})`,
    },
    { key: 'base', label: t('fact.base'), value: facts.base ?? t('word.unknown') },
    { key: 'user', label: t('fact.user'), value: facts.user ?? t('fact.userUnset') },
    { key: 'exposed', label: t('fact.exposed'), value: facts.exposed.join(', ') || t('word.none') },
    { key: 'healthcheck', label: t('fact.healthcheck'), value: facts.healthcheck ? yes : no },
    { key: 'cacheMounts', label: t('fact.cacheMounts'), value: String(facts.cacheMounts) },
  ];
  if (target.target.services.length > 0)
    out.push({ key: 'services', label: t('fact.services'), value: target.target.services.join(', ') });
  const context = target.context;
  if (context) {
    const walk = context.walk;
    out.push({
      key: 'context',
      label: t('fact.context'),
      value: t('fact.contextValue', {
        files: walk.files,
        size: formatBytes(walk.bytes),
      }),
    });
    out.push({
      key: 'ignoreFile',
      label: t('fact.ignoreFile'),
      value: context.ignore ? t('fact.ignoreFilePatterns', { count: context.ignore.patterns.length }) : no,
    });
  }
  return out;
}
