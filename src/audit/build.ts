/**
 * Builds the audit model from what the orchestrator collected: the eight sections of the report, every
 * finding with its short id, and a summary. Pure: no I/O.
 */
import { existsSync } from 'node:fs';
import { dirname, join, posix, relative, resolve, sep } from 'node:path';
import { compareFindings, type Finding, SEVERITIES, type Severity } from '../core/finding.js';
import { VERSION } from '../version.js';
import { ciSnippets } from './ci.js';
import { shownPath } from './discover.js';
import { fillGains } from './gains.js';
import { translator } from './i18n/index.js';
import { buildIgnoreProposals } from './ignore.js';
import { buildInventory } from './inventory.js';
import { estimateImage, estimateOriginal, fillOptimized, optimizerAnswer } from './optimized.js';
import { buildPerformance } from './performance.js';
import { buildPlan } from './plan.js';
import { buildRisks } from './risks.js';
import type { AuditRun } from './run.js';
import { buildSections } from './sections.js';
import { buildSecurity, isRootFinding } from './security.js';
import { buildSizes } from './sizes.js';
import {
  AUDIT_SCHEMA,
  type AuditFinding,
  type AuditReport,
  type ImageSection,
  type Inventory,
  type MeasuredImage,
} from './types.js';

/** The audited folder relative to the repository it is in (the nearest folder above with `.git`). */
export function repositoryRelative(root: string): string {
  for (let dir = root; ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return relative(dir, root).split(sep).join('/') || '.';
    if (dirname(dir) === dir) return '.';
  }
}

/**
 * What the images of known size would weigh with the optimized versions (estimates; a measured image keeps
 * its measured size), or null when no optimized version is smaller or known.
 */
function optimizedTotal(inventory: Inventory, sections: readonly ImageSection[]): number | null {
  let total = 0;
  let changed = false;
  for (const row of inventory.rows) {
    if (row.size.bytes === null) continue;
    const after = sections.find((s) => s.id === row.section)?.optimized?.after.bytes ?? null;
    const use = row.kind === 'build' && row.size.basis === 'estimated' && after !== null;
    total += use ? after : row.size.bytes;
    if (use) changed = true;
  }
  return changed ? total : null;
}

/** Images read with --image, by name, as the report shows them. */
function measuredImages(run: AuditRun): Map<string, MeasuredImage> {
  const out = new Map<string, MeasuredImage>();
  for (const image of run.images) {
    const model = image.model;
    if (!model) continue;
    const summary = image.vulnerabilities;
    out.set(image.spec.name, {
      source: image.spec.source,
      bytes: model.size,
      layers: model.layers.length,
      user: model.config.config.User ?? null,
      wastedBytes: model.waste.totalBytes,
      efficiency: model.waste.efficiency,
      vulnerabilities: summary?.checked ? summary.counts : null,
    });
  }
  return out;
}

export interface BuildOptions {
  /** The audited folder relative to its repository, for CI jobs (default: found from `.git`). */
  repositoryDir?: string;
  /** Date of the report (default: SOURCE_DATE_EPOCH when set, else now). */
  now?: Date;
}

function reportDate(now: Date | undefined): string {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  const date = now ?? (epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date());
  return date.toISOString().slice(0, 10);
}

export function buildAuditReport(run: AuditRun, options: BuildOptions = {}): AuditReport {
  const t = translator(run.lang);
  const given = run.given.replace(/\/+$/, '') || '.';
  const pathOf = (p: string) => (p.startsWith('/') ? p : posix.join(given, p));
  const sections = buildSections({
    run,
    t,
    pathOf,
    optimizerFor: (target) => (target.optimized ? optimizerAnswer(target.optimized, run.lang) : null),
  });
  for (const target of run.targets) {
    const section = sections.byTarget.get(target);
    if (section && section.dockerfiles[0] === target.target.dockerfile)
      fillOptimized(section, target.optimized, target.optimizeError, pathOf, t);
  }
  const measured = measuredImages(run);
  for (const section of sections.sections)
    section.measured = section.names.map((n) => measured.get(n)).find((m) => m !== undefined) ?? null;
  const inventory = buildInventory({
    run,
    byTarget: sections.byTarget,
    factsOf: sections.factsOf,
    estimateBuilt: (target) => {
      if (target.optimized) return estimateOriginal(target.optimized, t);
      const base = sections.factsOf.get(target)?.base;
      return base ? estimateImage(base, t) : null;
    },
    estimateImage: (reference) => estimateImage(reference, t),
    measured,
    t,
  });
  const proposals = buildIgnoreProposals(run);
  const resultOf = new Map(
    run.targets.flatMap((r) => (r.optimized ? [[sections.byTarget.get(r), r.optimized] as const] : [])),
  );
  fillGains(
    sections.sections,
    proposals,
    (section) => {
      const result = resultOf.get(section);
      if (!result) return null;
      const count = (flag: 'security' | 'rebuild' | 'reliability') =>
        result.changes.filter((c) => c.gain[flag]).length;
      return { security: count('security'), rebuild: count('rebuild'), reliability: count('reliability') };
    },
    t,
  );
  const allFindings: Finding[] = [
    ...run.targets.flatMap((r) => r.findings),
    ...run.compose.findings,
    ...run.images.flatMap((i) => i.findings),
  ];
  const built = run.targets.filter((r) => r.analysis !== null);
  const ci = ciSnippets(
    {
      version: VERSION,
      dir: options.repositoryDir ?? repositoryRelative(run.root),
      images: built.map((r) => ({
        name: r.target.name,
        dockerfile: r.target.dockerfile,
        context: shownPath(run.root, r.target.context),
      })),
      canReadImages: true,
      canScanVulnerabilities: true,
    },
    t,
  );
  const security = buildSecurity({
    findings: allFindings,
    issueOf: sections.issueOf,
    imageOf: sections.imageOf,
    composeFindings: new Set(run.compose.findings),
    vulnerabilities:
      run.images.length === 0
        ? null
        : {
            scanned: run.images.flatMap((i) =>
              i.vulnerabilities?.checked ? [{ name: i.spec.name, counts: i.vulnerabilities.counts }] : [],
            ),
            notes: [...new Set(run.images.flatMap((i) => i.notes))],
          },
    ci,
    t,
  });
  const performance = buildPerformance({
    images: run.targets.map((r) => ({
      name: r.target.name,
      facts: sections.factsOf.get(r) ?? null,
      changes: r.optimized ? r.optimized.changes.map((c) => c.key) : null,
    })),
    findings: allFindings,
    issueOf: sections.issueOf,
    imageOf: sections.imageOf,
    proposals,
    composeFiles: run.compose.projects
      .filter((p) => p.services.some((s) => s.build))
      .map((p) => pathOf(p.path)),
    dir: given,
    t,
  });
  const sizes = buildSizes({ sections: sections.sections, proposals, t });
  const plan = buildPlan({
    sections: sections.sections,
    proposals,
    security: security.issues,
    pathOf,
    dir: given,
    canReadImages: true,
    t,
  });
  const risks = buildRisks({
    sections: sections.sections,
    rootIssues: allFindings.filter(isRootFinding).flatMap((f) => sections.issueOf.get(f) ?? []),
    newIgnoreFiles: proposals.filter((p) => !p.exists).length,
    estimated: inventory.rows.some((r) => r.size.basis === 'estimated'),
    t,
  });

  const findings: AuditFinding[] = [...allFindings].sort(compareFindings).map((f) => ({
    issue: sections.issueOf.get(f) ?? null,
    image: sections.imageOf.get(f) ?? null,
    file: f.file,
    line: f.line,
    column: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
    rule: f.rule,
    code: f.code,
    aliases: f.aliases,
    severity: f.severity,
    category: f.category,
    message: f.message,
    ...(f.fixable ? { fixable: f.fixable } : {}),
  }));
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const f of findings) counts[f.severity]++;
  const composeFiles = new Set(run.compose.projects.flatMap((p) => p.files.map((f) => resolve(f.absPath))));
  return {
    tool: 'dockaudit',
    version: VERSION,
    schema: AUDIT_SCHEMA,
    lang: run.lang,
    date: reportDate(options.now),
    root: given,
    summary: {
      dockerfiles: run.targets.length,
      composeFiles: composeFiles.size,
      services: run.services.length,
      images: inventory.rows.length,
      measuredImages: [...measured.keys()].length,
      findings: counts,
      currentBytes: inventory.totalBytes,
      optimizedBytes: optimizedTotal(inventory, sections.sections),
    },
    inventory,
    images: sections.sections,
    dockerignore: proposals,
    sizes,
    security,
    performance: { items: performance },
    plan,
    risks,
    findings,
    errors: run.errors,
  };
}
