import type { DockerfileAnalysis } from '../../../dockerfile/analysis.js';
import type { Instruction, Stage } from '../../../dockerfile/model.js';

/**
 * A stage's image is its own instructions on top of those of the stages it is built `FROM`: these
 * helpers read a stage together with that lineage, oldest instruction first. Results are computed
 * once per file.
 */

interface LineageFacts {
  stages: Stage[][];
  instructions: Instruction[][];
  /** Working directory in effect at each instruction, by index (null when a WORKDIR cannot be resolved). */
  workdir: Array<string | null>;
}

const cache = new WeakMap<DockerfileAnalysis, LineageFacts>();

function factsOf(model: DockerfileAnalysis): LineageFacts {
  let facts = cache.get(model);
  if (facts) return facts;
  const stages = model.stages.map((s) => model.lineageOf(s).reverse());
  const instructions = stages.map((list) => {
    const out: Instruction[] = [];
    for (const s of list) for (const inst of s.instructions) if (inst.keyword !== 'FROM') out.push(inst);
    return out;
  });
  const workdir: Array<string | null> = [];
  const endDir: Array<string | null> = [];
  for (const stage of model.stages) {
    const base = model.baseOf(stage);
    let dir: string | null = base.kind === 'stage' ? (endDir[base.stage] ?? '/') : '/';
    for (const inst of stage.instructions) {
      workdir[inst.index] = dir;
      if (inst.keyword !== 'WORKDIR' || dir === null) continue;
      const e = model.expand(inst.argsText.trim(), inst);
      dir = e.complete && e.value ? resolvePath(dir, e.value) : null;
    }
    endDir[stage.index] = dir;
  }
  facts = { stages, instructions, workdir };
  cache.set(model, facts);
  return facts;
}

const indexOf = (stage: Stage | number) => (typeof stage === 'number' ? stage : stage.index);

/** Stages making up a stage's image, the oldest ancestor first and the stage itself last. */
export function lineageStages(model: DockerfileAnalysis, stage: Stage | number): readonly Stage[] {
  return factsOf(model).stages[indexOf(stage)] ?? [];
}

/** Instructions making up a stage's image (FROM lines excluded), oldest first. */
export function lineageInstructions(
  model: DockerfileAnalysis,
  stage: Stage | number,
): readonly Instruction[] {
  return factsOf(model).instructions[indexOf(stage)] ?? [];
}

/** The last instruction with a keyword in a stage's lineage (CMD, ENTRYPOINT, HEALTHCHECK, USER…). */
export function lastInLineage(
  model: DockerfileAnalysis,
  stage: Stage | number,
  keyword: Instruction['keyword'],
): Instruction | null {
  const list = lineageInstructions(model, stage);
  for (let i = list.length - 1; i >= 0; i--) if (list[i]!.keyword === keyword) return list[i]!;
  return null;
}

/**
 * The working directory in effect at an instruction (WORKDIR lines of its lineage applied in order,
 * variables substituted); null when a WORKDIR cannot be resolved.
 */
export function workdirAt(model: DockerfileAnalysis, inst: Instruction): string | null {
  if (inst.stage < 0) return '/';
  // ONBUILD triggers share the index of their ONBUILD instruction.
  const dir = factsOf(model).workdir[inst.onbuild ? inst.onbuild.index : inst.index];
  return dir === undefined ? '/' : dir;
}

/** Normalizes an absolute path: `//`, `.` and `..` removed, no trailing slash (except `/`). */
export function normalizePath(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return `/${out.join('/')}`;
}

/** Resolves a path against a folder, as WORKDIR and COPY destinations are. */
export function resolvePath(base: string, path: string): string {
  return normalizePath(path.startsWith('/') ? path : `${base}/${path}`);
}

/** Whether a path is inside (or is) a folder. */
export function isUnder(path: string, folder: string): boolean {
  return folder === '/' || path === folder || path.startsWith(`${folder}/`);
}
