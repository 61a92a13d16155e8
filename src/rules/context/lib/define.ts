import type { RuleSettings } from '../../../config/settings.js';
import type { ContextModel } from '../../../context/analyze.js';
import type { CopyPlan } from '../../../context/copy.js';
import type { IgnorePattern } from '../../../context/dockerignore.js';
import type { Region } from '../../../core/positions.js';
import type { Rule } from '../../../core/rule.js';

/** A build-context rule: a pure function of the analyzed context (and settings) to reports. */
export type ContextRule = Rule<ContextModel, RuleSettings>;

export function contextRule(rule: Omit<ContextRule, 'target'>): ContextRule {
  return { ...rule, target: 'context' };
}

/** Where a finding points: a file shown to the user and a region in it. */
export interface Location {
  file: string;
  region: Region;
}

const NO_SPAN = { start: 0, end: 0 };

/** Descriptor fields for a location outside the model's source text. */
export function at(location: Location): { span: typeof NO_SPAN; at: Location } {
  return { span: NO_SPAN, at: location };
}

/** The first line of a COPY/ADD instruction in the Dockerfile. */
export function atCopy(model: ContextModel, plan: CopyPlan): Location {
  const file = model.dockerfile!;
  const inst = plan.instruction;
  const lines = file.analysis.file.lines;
  const start = inst.keywordSpan.start;
  const firstLineEnd = lines.lineContentEnd(lines.lineOf(start));
  return { file: file.file, region: lines.region({ start, end: Math.min(inst.argsSpan.end, firstLineEnd) }) };
}

/** A line of the ignore file. */
export function atIgnoreLine(model: ContextModel, pattern: IgnorePattern): Location {
  const ignore = model.ignore!;
  const start = ignore.lines.offsetOfLine(pattern.line);
  return {
    file: ignore.file,
    region: ignore.lines.region({ start, end: ignore.lines.lineContentEnd(pattern.line - 1) }),
  };
}

/** A file or folder of the context, at a line and column (1-based). */
export function atPath(model: ContextModel, path: string, region?: Region): Location {
  return { file: model.display(path), region: region ?? { line: 1, column: 1, endLine: 1, endColumn: 1 } };
}

/**
 * Where to report something the context sends: the COPY that puts it into an image when there is one,
 * else the path itself.
 */
export function atSentPath(model: ContextModel, path: string, copiedBy: readonly CopyPlan[]): Location {
  return copiedBy.length > 0 && model.dockerfile ? atCopy(model, copiedBy[0]!) : atPath(model, path);
}

/** `12.3 MB`, `4.0 kB`, `512 B` (decimal units, as Docker prints context sizes). */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}

/** `line 9 (stage 1)`, `line 3 (stage builder)`. */
export function describeCopy(plan: CopyPlan): string {
  return `${plan.instruction.keyword} at line ${plan.line} (stage ${plan.stageName})`;
}

/** `1 file`, `2 files`. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
