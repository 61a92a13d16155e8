import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultConfig } from '../../src/config/settings.js';
import { severityRank } from '../../src/core/finding.js';
import { parseDockerfile } from '../../src/dockerfile/parse.js';
import { lintDockerfile } from '../../src/engine/lint-dockerfile.js';
import { optimizeDockerfile } from '../../src/optimize/plan.js';
import type { OptimizeResult } from '../../src/optimize/types.js';
import { dockerfileRules } from '../../src/rules/dockerfile/index.js';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'optimize');

export function optimizeFixture(
  name: string,
  lang: 'en' | 'zh' | 'ru' = 'en',
): { text: string; result: OptimizeResult } {
  const path = join(FIXTURES, name, 'Dockerfile');
  const text = readFileSync(path, 'utf8');
  return { text, result: optimizeDockerfile(text, path, { context: join(FIXTURES, name), lang }) };
}

/** Findings at warning or above of every current Dockerfile rule on a text. */
export function seriousFindings(text: string) {
  const file = parseDockerfile(text, 'Dockerfile');
  return lintDockerfile(file, { config: defaultConfig(), rules: dockerfileRules }).filter(
    (f) => severityRank(f.severity) >= severityRank('warning'),
  );
}

const norm = (s: string) =>
  s
    .replace(/\\\r?\n/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * Application steps (RUN, ENV, ARG, EXPOSE, VOLUME) of the original that are neither in the output as
 * written nor listed with a reason as changed, moved or removed.
 */
export function unaccountedSteps(original: string, result: OptimizeResult): string[] {
  const file = parseDockerfile(original, 'Dockerfile');
  const output = norm(result.dockerfile);
  const missing: string[] = [];
  for (const inst of file.instructions) {
    if (!['RUN', 'ENV', 'ARG', 'EXPOSE', 'VOLUME'].includes(inst.keyword)) continue;
    const text = norm(original.slice(inst.span.start, inst.span.end));
    const line = file.lines.position(inst.span.start).line;
    if (output.includes(text)) continue;
    const d = result.dispositions.find((x) => x.line === line);
    if (d && d.action !== 'kept' && d.reason) continue;
    missing.push(`${line}: ${text}`);
  }
  return missing;
}

/** The instructions of one stage of the output (keyword + arguments, continuations joined). */
export function stageInstructions(result: OptimizeResult, stage: number): string[] {
  const file = parseDockerfile(result.dockerfile, 'Dockerfile');
  return file.stages[stage]!.instructions.map((i) => norm(result.dockerfile.slice(i.span.start, i.span.end)));
}
