import type { DockerfileAnalysis } from '../../../dockerfile/analysis.js';
import type { Instruction, Stage } from '../../../dockerfile/model.js';

/**
 * A stage's image is its own instructions on top of those of the stages it is built `FROM`: these
 * helpers read a stage together with that lineage, oldest instruction first.
 */

/** Stages making up a stage's image, the oldest ancestor first and the stage itself last. */
export function lineageStages(model: DockerfileAnalysis, stage: Stage | number): Stage[] {
  return model.lineageOf(stage).reverse();
}

/** Instructions making up a stage's image (FROM lines excluded), oldest first. */
export function lineageInstructions(model: DockerfileAnalysis, stage: Stage | number): Instruction[] {
  const out: Instruction[] = [];
  for (const s of lineageStages(model, stage))
    for (const inst of s.instructions) if (inst.keyword !== 'FROM') out.push(inst);
  return out;
}

/** The last instruction with a keyword in a stage's lineage (CMD, ENTRYPOINT, HEALTHCHECK, USER…). */
export function lastInLineage(
  model: DockerfileAnalysis,
  stage: Stage | number,
  keyword: Instruction['keyword'],
): Instruction | null {
  const stages = model.lineageOf(stage);
  for (const s of stages)
    for (let i = s.instructions.length - 1; i >= 0; i--) {
      const inst = s.instructions[i]!;
      if (inst.keyword === keyword) return inst;
    }
  return null;
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

/**
 * The working directory in effect at an instruction (WORKDIR lines of its lineage applied in order,
 * variables substituted); null when a WORKDIR cannot be resolved.
 */
export function workdirAt(model: DockerfileAnalysis, inst: Instruction): string | null {
  if (inst.stage < 0) return '/';
  let dir: string | null = '/';
  for (const s of lineageStages(model, inst.stage)) {
    for (const i of s.instructions) {
      if (i === inst) return dir;
      if (i.keyword !== 'WORKDIR' || dir === null) continue;
      const e = model.expand(i.argsText.trim(), i);
      dir = e.complete && e.value ? resolvePath(dir, e.value) : null;
    }
  }
  return dir;
}

/** Whether a path is inside (or is) a folder. */
export function isUnder(path: string, folder: string): boolean {
  return folder === '/' || path === folder || path.startsWith(`${folder}/`);
}
