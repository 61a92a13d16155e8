import type { DockerfileAnalysis } from '../../../dockerfile/analysis.js';
import type { Instruction, Stage, Word } from '../../../dockerfile/model.js';

/** Top-level instructions and, right after each ONBUILD, its trigger. */
export function* withTriggers(instructions: readonly Instruction[]): Generator<Instruction> {
  for (const inst of instructions) {
    yield inst;
    if (inst.keyword === 'ONBUILD' && inst.trigger) yield inst.trigger;
  }
}

const WINDOWS_ABSOLUTE = /^[A-Za-z]:[\\/]|^\\\\/;

/** An absolute path in a Linux (`/x`) or Windows (`C:\x`, `C:/x`, `\\host`) container. */
export function isAbsolutePath(path: string): boolean {
  return path.startsWith('/') || WINDOWS_ABSOLUTE.test(path);
}

/** A Windows drive path as written, even when its quoting swallowed the closing quote (`"C:\"`). */
export function looksLikeWindowsDrive(raw: string): boolean {
  return /^["']?[A-Za-z]:[\\/]/.test(raw);
}

export interface ResolvedPath {
  value: string;
  /** False when a variable with an unknown value takes part. */
  complete: boolean;
}

/**
 * A word of an instruction with variables substituted as BuildKit does. `complete` is false when a
 * variable with an unknown value, or one that is not declared at all (a likely mistake), takes part.
 */
export function expandKnown(model: DockerfileAnalysis, word: Word | string, inst: Instruction): ResolvedPath {
  const e = model.expand(word, inst);
  return { value: e.value, complete: e.complete && e.undefinedNames.length === 0 };
}

/** Whether a resolved path is relative (unknown values never count as relative). */
export function isRelativePath(path: ResolvedPath, raw: string): boolean {
  if (looksLikeWindowsDrive(raw)) return false;
  if (isAbsolutePath(path.value)) return false;
  // `${HOME}/x` with an unknown HOME is left alone, as is anything starting with a variable.
  if (!path.complete) return false;
  return true;
}

/** The stage whose instructions an instruction belongs to (ONBUILD triggers: their ONBUILD's). */
export function stageOf(model: DockerfileAnalysis, inst: Instruction): Stage | null {
  const index = (inst.onbuild ?? inst).stage;
  return index >= 0 ? (model.stages[index] ?? null) : null;
}

/** Instructions of a stage's lineage (`FROM <stage>` ancestors first) that come before `inst`. */
export function* lineageBefore(model: DockerfileAnalysis, inst: Instruction): Generator<Instruction> {
  const stage = stageOf(model, inst);
  if (!stage) return;
  const lineage = model.lineageOf(stage).reverse();
  const limit = (inst.onbuild ?? inst).index;
  for (const s of lineage) {
    for (const i of s.instructions) {
      if (s === stage && i.index >= limit) return;
      yield i;
    }
  }
}

/** Stages that build on a stage or read files from it, directly or through other stages. */
export function consumersOf(model: DockerfileAnalysis, stage: number): Set<number> {
  const deps = model.stageGraph.dependencies;
  const direct = new Map<number, number[]>();
  deps.forEach((list, consumer) => {
    for (const d of list) {
      if (d.stage === null || d.stage === consumer) continue;
      let users = direct.get(d.stage);
      if (!users) direct.set(d.stage, (users = []));
      users.push(consumer);
    }
  });
  const out = new Set<number>();
  const queue = [...(direct.get(stage) ?? [])];
  while (queue.length > 0) {
    const s = queue.pop()!;
    if (out.has(s)) continue;
    out.add(s);
    queue.push(...(direct.get(s) ?? []));
  }
  return out;
}

/** The keyword as the author wrote it, in their casing (`copy` for `add`, `COPY` for `ADD`). */
export function sameCase(written: string, keyword: string): string {
  if (written === written.toLowerCase()) return keyword.toLowerCase();
  if (written === written.toUpperCase()) return keyword.toUpperCase();
  return keyword[0]!.toUpperCase() + keyword.slice(1).toLowerCase();
}
