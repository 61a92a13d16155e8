import { DockerfileAnalysis } from '../dockerfile/analysis.js';
import type { Dockerfile, Instruction, Stage } from '../dockerfile/model.js';
import { parseDockerfile } from '../dockerfile/parse.js';
import { ImageInputError } from './errors.js';
import type { HistoryStep } from './history.js';
import type { ImageModel, InstructionRef } from './model.js';

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The destination a COPY/ADD history entry names (`COPY a b /dst`, `COPY file:… in /dst`). */
function historyDestination(args: string): string {
  const inAt = args.lastIndexOf(' in ');
  const text = inAt !== -1 ? args.slice(inAt + 4) : args;
  const words = collapse(text).split(' ');
  return words[words.length - 1] ?? '';
}

function keysOf(text: string): string[] {
  const keys: string[] = [];
  const re = /(?:^|\s)([^\s=]+)=/g;
  for (let m = re.exec(text); m; m = re.exec(text)) keys.push(m[1]!);
  return keys;
}

/** How well a history step matches an instruction: 0 (not at all), 1 (same keyword), 3 (same arguments too). */
export function matchScore(step: HistoryStep, inst: Instruction): number {
  if (step.keyword !== inst.keyword) return 0;
  switch (inst.keyword) {
    case 'RUN': {
      const a = collapse(step.args);
      const b = collapse(inst.argsText);
      return a === b || a.endsWith(b) || b.endsWith(a) ? 3 : 1;
    }
    case 'COPY':
    case 'ADD': {
      const dst = inst.destination?.value ?? '';
      const got = historyDestination(step.args);
      const norm = (p: string) => p.replace(/\/+$/, '');
      return dst !== '' &&
        (norm(got) === norm(dst) || norm(got).endsWith(`/${norm(dst).replace(/^\.\//, '')}`))
        ? 3
        : 1;
    }
    case 'ENV':
    case 'LABEL': {
      const want = inst.pairs.map((p) => p.key);
      const got = keysOf(step.args);
      return want.length > 0 && want.every((k) => got.includes(k)) ? 3 : 1;
    }
    default:
      return collapse(step.args) === collapse(inst.argsText) ? 3 : 1;
  }
}

function chosenStage(analysis: DockerfileAnalysis, target: string | undefined, path: string): Stage | null {
  if (!target) return analysis.finalStage;
  const byName = analysis.stages.find((s) => s.name === target.toLowerCase());
  if (byName) return byName;
  const n = Number(target);
  if (Number.isInteger(n) && analysis.stages[n]) return analysis.stages[n]!;
  throw new ImageInputError(path, `no stage named ${JSON.stringify(target)} in the Dockerfile`);
}

function refOf(file: Dockerfile, inst: Instruction): InstructionRef {
  const start = file.lines.position(inst.span.start);
  const end = file.lines.lineContentEnd(start.line - 1);
  const region = file.lines.region({ start: inst.span.start, end });
  return {
    file: file.path,
    ...region,
    keyword: inst.keyword,
    text: file.text.slice(inst.span.start, end).trim(),
  };
}

/**
 * Aligns the image's history with the instructions of the Dockerfile stage it was built from (its
 * FROM chain, root first), by dynamic programming over both sequences; ties resolve towards the latest
 * history entries, so the base image's own history is not mistaken for the Dockerfile's. Sets each
 * matched step's and layer's `instruction`, and the base-layer count (layers before the first match).
 */
export function alignHistory(
  steps: readonly HistoryStep[],
  instructions: readonly Instruction[],
): Array<[number, number]> {
  const n = steps.length;
  const m = instructions.length;
  const dp: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = 1; i <= n; i++)
    for (let j = 1; j <= m; j++) {
      const s = matchScore(steps[i - 1]!, instructions[j - 1]!);
      dp[i]![j] = Math.max(dp[i - 1]![j]!, dp[i]![j - 1]!, s > 0 ? dp[i - 1]![j - 1]! + s : 0);
    }
  const pairs: Array<[number, number]> = [];
  let i = n;
  let j = m;
  while (i > 0 && j > 0) {
    const s = matchScore(steps[i - 1]!, instructions[j - 1]!);
    if (s > 0 && dp[i]![j] === dp[i - 1]![j - 1]! + s) {
      pairs.push([i - 1, j - 1]);
      i--;
      j--;
    } else if (dp[i]![j] === dp[i]![j - 1]) j--;
    else i--;
  }
  return pairs.reverse();
}

export function mapDockerfile(
  model: ImageModel,
  dockerfile: { path: string; text: string; target?: string },
): void {
  const file = parseDockerfile(dockerfile.text, dockerfile.path);
  const analysis = new DockerfileAnalysis(file);
  const stage = chosenStage(analysis, dockerfile.target, dockerfile.path);
  if (!stage) {
    model.dockerfile = { path: dockerfile.path, mapped: 0 };
    return;
  }
  const lineage = analysis.lineageOf(stage).reverse();
  const instructions = lineage.flatMap((s) => s.instructions.filter((inst) => inst.keyword !== 'FROM'));
  const pairs = alignHistory(model.history, instructions);
  for (const [si, ii] of pairs) {
    const step = model.history[si]!;
    step.instruction = refOf(file, instructions[ii]!);
    if (step.layer !== null) model.layers[step.layer]!.instruction = step.instruction;
  }
  model.dockerfile = { path: dockerfile.path, mapped: pairs.length };
  if (pairs.length > 0) {
    const firstStep = pairs[0]![0];
    model.baseLayers = model.history.slice(0, firstStep).filter((s) => s.layer !== null).length;
    model.baseSource = 'dockerfile';
  }
}
