/**
 * The optimizer's results in the audit: which change answers which issue, the optimized version of each
 * section, and size estimates (the optimizer's, from the published base-image sizes and the package
 * table) with their basis in the report's language.
 */

import type { Finding } from '../core/finding.js';
import { lookupBaseImage } from '../data/base-images.js';
import type { Lang } from '../i18n/catalog.js';
import { changeText, dispositionText, gainText } from '../optimize/explain.js';
import type { Change, OptimizeResult } from '../optimize/types.js';
import { formatBytes } from './format.js';
import type { Translate } from './i18n/index.js';
import { optimizeArgs } from './plan.js';
import type { OptimizerAnswer } from './sections.js';
import type { ImageSection, Issue, OptimizedVersion, SizeFigure } from './types.js';

/** The rules a change answers (the rule-fix change names several, comma-separated). */
function rulesOf(change: Change): string[] {
  return change.rule === null ? [] : change.rule.split(/,\s*/).filter((r) => r !== '');
}

function answers(change: Change, rule: string, code: string, aliases: readonly string[]): boolean {
  return rulesOf(change).some((r) => r === rule || r === code || aliases.includes(r));
}

/** The change of the optimized version that answers a finding's rule, in the report's language. */
export function optimizerAnswer(result: OptimizeResult, lang: Lang): OptimizerAnswer {
  return {
    changeFor(finding: Finding) {
      const change = result.changes.find((c) => answers(c, finding.rule, finding.code, finding.aliases));
      return change ? changeText(change, lang) : null;
    },
    resolves(finding: Finding) {
      return !result.remaining.some((f) => f.rule === finding.rule);
    },
  };
}

/** The estimated size of a published image, with its source and date. */
export function estimateImage(reference: string, t: Translate): SizeFigure | null {
  const size = lookupBaseImage(reference);
  if (!size) return null;
  return { bytes: size.bytes, basis: 'estimated', detail: [baseDetail(reference, t)!] };
}

function baseDetail(reference: string | null, t: Translate): string | null {
  const size = reference ? lookupBaseImage(reference) : null;
  if (!reference || !size) return null;
  const entry = size.entry;
  return t(size.estimatedFromCompressed ? 'size.baseCompressed' : 'size.base', {
    image: reference,
    size: formatBytes(size.bytes),
    as: `${entry.repository}:${entry.tag}`,
    source: entry.source,
    date: entry.date,
  });
}

/** A size of the optimizer's estimate: the base image and what the packages add to it. */
function figure(bytes: number | null, base: string | null, t: Translate): SizeFigure {
  if (bytes === null) return { bytes: null, basis: 'unknown', detail: [] };
  const detail: string[] = [];
  const baseLine = baseDetail(base, t);
  if (baseLine) detail.push(baseLine);
  const baseBytes = base ? (lookupBaseImage(base)?.bytes ?? 0) : 0;
  if (bytes > baseBytes) detail.push(t('size.packages', { size: formatBytes(bytes - baseBytes) }));
  detail.push(t('size.notCounted'));
  return { bytes, basis: 'estimated', detail };
}

/** The image built from the original Dockerfile, as the optimizer estimates it. */
export function estimateOriginal(result: OptimizeResult, t: Translate): SizeFigure | null {
  const f = figure(result.estimate.originalBytes, result.detection.base.image, t);
  return f.bytes === null ? null : f;
}

/** The optimized version of a section, its changes tied to the section's issues. */
export function optimizedVersion(
  result: OptimizeResult,
  issues: readonly Issue[],
  command: string,
  t: Translate,
): OptimizedVersion {
  const lang = result.lang;
  const runtimeBase = result.stages.at(-1)?.from ?? null;
  return {
    stack: result.detection.stack,
    dockerfile: result.dockerfile,
    changes: result.changes.map((c) => ({
      change: c.key,
      text: changeText(c, lang),
      rule: c.rule,
      practice: c.practice,
      gain: gainText(c, lang),
      sizeBytes: c.gain.sizeBytes ?? null,
      issues: issues.filter((i) => rulesOf(c).some((r) => i.rule === r || i.code === r)).map((i) => i.id),
    })),
    before: figure(result.estimate.originalBytes, result.detection.base.image, t),
    after: figure(result.estimate.optimizedBytes, runtimeBase, t),
    instructions: result.dispositions.flatMap((d) =>
      d.action === 'kept'
        ? []
        : [{ line: d.line, instruction: d.text, action: d.action, outcome: dispositionText(d, lang) }],
    ),
    remaining: [...result.remaining]
      .sort((a, b) => a.line - b.line)
      .map((f) => ({
        rule: f.rule,
        severity: f.severity,
        line: f.line,
        message: f.message,
      })),
    extraFiles: result.extraFiles.map((f) => ({ path: f.path, text: f.text })),
    command,
  };
}

/** Sets the optimized version (or the reason there is none) of each Dockerfile section. */
export function fillOptimized(
  section: ImageSection,
  result: OptimizeResult | null,
  error: string | null,
  pathOf: (path: string) => string,
  t: Translate,
): void {
  if (section.kind !== 'dockerfile') return;
  const command = `dockaudit optimize ${optimizeArgs(section, pathOf)} --write`;
  if (result) section.optimized = optimizedVersion(result, section.issues, command, t);
  else section.optimizedNote = t('image.optimizeFailed', { reason: error ?? t('word.unknown') });
}
