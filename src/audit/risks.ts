/**
 * Section 8: what could go wrong when the plan is carried out, and how to make it safe. Each risk comes
 * with the change that causes it; only risks whose cause is in this report are listed.
 */
import type { AuditKey, Translate } from './i18n/index.js';
import type { ImageSection, Issue, Level, Risk } from './types.js';

interface RiskKind {
  kind: string;
  level: Level;
  risk: AuditKey;
  mitigation: AuditKey;
}

const KINDS: Record<string, RiskKind> = {
  regression: {
    kind: 'regression',
    level: 'medium',
    risk: 'risk.regression',
    mitigation: 'risk.regressionFix',
  },
  libc: { kind: 'libc', level: 'high', risk: 'risk.libc', mitigation: 'risk.libcFix' },
  nonRoot: { kind: 'non-root', level: 'medium', risk: 'risk.nonRoot', mitigation: 'risk.nonRootFix' },
  port: { kind: 'port', level: 'medium', risk: 'risk.port', mitigation: 'risk.portFix' },
  healthcheck: {
    kind: 'healthcheck',
    level: 'low',
    risk: 'risk.healthcheck',
    mitigation: 'risk.healthcheckFix',
  },
  server: { kind: 'server', level: 'low', risk: 'risk.server', mitigation: 'risk.serverFix' },
  lockfile: { kind: 'lockfile', level: 'low', risk: 'risk.lockfile', mitigation: 'risk.lockfileFix' },
  dockerignore: {
    kind: 'dockerignore',
    level: 'low',
    risk: 'risk.dockerignore',
    mitigation: 'risk.dockerignoreFix',
  },
  unsafe: { kind: 'unsafe-fixes', level: 'medium', risk: 'risk.unsafe', mitigation: 'risk.unsafeFix' },
  pinning: { kind: 'pinning', level: 'low', risk: 'risk.pinning', mitigation: 'risk.pinningFix' },
  gate: { kind: 'ci-gate', level: 'low', risk: 'risk.gate', mitigation: 'risk.gateFix' },
  estimates: { kind: 'estimates', level: 'low', risk: 'risk.estimates', mitigation: 'risk.estimatesFix' },
};

/** Optimizer changes and the risk they carry. */
const CHANGE_RISKS: Record<string, keyof typeof KINDS> = {
  'change.nonRootUser': 'nonRoot',
  'change.nginxUnprivileged': 'port',
  'change.nginxConfigRewritten': 'port',
  'change.healthcheck': 'healthcheck',
  'change.prodServer': 'server',
  'change.npmCi': 'lockfile',
  'change.pinnedBase': 'pinning',
};

export interface RiskInput {
  sections: readonly ImageSection[];
  /** Short ids of issues about root containers. */
  rootIssues: readonly string[];
  /** Proposed ignore files that do not exist yet. */
  newIgnoreFiles: number;
  /** Some sizes in the report are estimates. */
  estimated: boolean;
  t: Translate;
}

const isAlpine = (image: string | null | undefined) => /alpine/i.test(image ?? '');

export function buildRisks(input: RiskInput): Risk[] {
  const { t } = input;
  const found = new Map<string, { kind: RiskKind; issues: Set<string>; names: Set<string> }>();
  const add = (key: keyof typeof KINDS, issues: readonly string[] = [], name?: string) => {
    const kind = KINDS[key]!;
    let entry = found.get(kind.kind);
    if (!entry) found.set(kind.kind, (entry = { kind, issues: new Set(), names: new Set() }));
    for (const i of issues) entry.issues.add(i);
    if (name) entry.names.add(name);
  };
  const all: Issue[] = input.sections.flatMap((s) => s.issues);
  for (const section of input.sections) {
    const optimized = section.optimized;
    if (!optimized) continue;
    const name = section.names.join(', ');
    add('regression', [], name);
    for (const change of optimized.changes) {
      const key = CHANGE_RISKS[change.change];
      if (key) add(key, change.issues, name);
      if (change.change === 'change.runtimeBase') {
        const base = section.facts.find((f) => f.key === 'base')?.value;
        // Static files served by nginx hold no compiled code: only other stacks can break on musl.
        if (optimized.stack !== 'node-static' && !isAlpine(base) && /alpine/i.test(change.text))
          add('libc', change.issues, name);
      }
    }
  }
  if (input.rootIssues.length > 0) add('nonRoot', input.rootIssues);
  if (input.newIgnoreFiles > 0)
    add(
      'dockerignore',
      all.filter((i) => i.source === 'context').map((i) => i.id),
    );
  const unsafe = all.filter((i) => i.remedy === 'autofix-unsafe');
  if (unsafe.length > 0)
    add(
      'unsafe',
      unsafe.map((i) => i.id),
    );
  if (all.length > 0) add('gate');
  if (input.estimated) add('estimates');

  const order = Object.values(KINDS).map((k) => k.kind);
  const rank: Record<Level, number> = { high: 0, medium: 1, low: 2 };
  return [...found.values()]
    .sort(
      (a, b) =>
        rank[a.kind.level] - rank[b.kind.level] || order.indexOf(a.kind.kind) - order.indexOf(b.kind.kind),
    )
    .map((entry, i) => ({
      id: `R-${i + 1}`,
      kind: entry.kind.kind,
      risk: t(entry.kind.risk, { names: [...entry.names].join(', ') }),
      level: entry.kind.level,
      mitigation: t(entry.kind.mitigation),
      issues: [...entry.issues],
    }));
}
