import { type ImageRef, parseImageRef } from '../core/image-ref.js';
import type { Dockerfile, Flag, Instruction, Stage } from './model.js';
import { mountsOf } from './mounts.js';

export type StageBase =
  | { kind: 'stage'; stage: number }
  | { kind: 'scratch' }
  | { kind: 'image'; text: string; ref: ImageRef | null; complete: boolean };

/** An edge of the stage graph: a stage that reads files from another stage or an image. */
export interface StageDependency {
  kind: 'base' | 'copy' | 'mount';
  instruction: Instruction;
  flag: Flag | null;
  /** The stage read from, or null when the reference names an image (or cannot be resolved). */
  stage: number | null;
  /** The reference as resolved (stage name, index or image). */
  reference: string;
  complete: boolean;
}

export interface StageGraph {
  bases: StageBase[];
  dependencies: StageDependency[][];
  /** The stage `docker build` produces without --target: the last one. */
  finalStage: number;
  /** Stages the final stage needs (itself included). */
  reachable: Set<number>;
  /** Stage index by lower-cased alias (first declaration wins, as in BuildKit). */
  byName: Map<string, number>;
}

export type Expander = (raw: string, instruction: Instruction) => { value: string; complete: boolean };

/** Stage index by lower-cased alias; the first declaration wins, as in BuildKit. */
export function stageNames(file: Dockerfile): Map<string, number> {
  const byName = new Map<string, number>();
  for (const stage of file.stages)
    if (stage.name && !byName.has(stage.name)) byName.set(stage.name, stage.index);
  return byName;
}

function resolver(byName: Map<string, number>): (ref: string, before: number) => number | null {
  return (ref, before) => {
    const named = byName.get(ref.toLowerCase());
    if (named !== undefined && named < before) return named;
    if (/^\d+$/.test(ref)) {
      const n = Number(ref);
      if (n < before) return n;
    }
    return null;
  };
}

/** What each stage's FROM names: an earlier stage, scratch or an image (FROM lines see only global ARGs). */
export function resolveBases(file: Dockerfile, expandFrom: Expander): StageBase[] {
  const resolve = resolver(stageNames(file));
  return file.stages.map((stage) => baseOf(stage, expandFrom, resolve));
}

/** Builds the stage graph: FROM <stage>, COPY --from=<stage|index|image>, RUN --mount=…,from=<stage>. */
export function buildStageGraph(file: Dockerfile, bases: StageBase[], expandAt: Expander): StageGraph {
  const byName = stageNames(file);
  const resolve = resolver(byName);
  const dependencies: StageDependency[][] = [];

  for (const stage of file.stages) {
    const deps: StageDependency[] = [];
    const base = bases[stage.index]!;
    if (base.kind === 'stage')
      deps.push({
        kind: 'base',
        instruction: stage.from,
        flag: null,
        stage: base.stage,
        reference: stage.from.image?.value ?? '',
        complete: true,
      });
    for (const inst of stage.instructions) {
      if (inst.keyword === 'COPY' || inst.keyword === 'ADD') {
        const from = inst.flags.find((f) => f.name === 'from');
        if (from?.value) {
          const { value, complete } = expandAt(from.value, inst);
          deps.push({
            kind: 'copy',
            instruction: inst,
            flag: from,
            stage: resolve(value, stage.index),
            reference: value,
            complete,
          });
        }
      } else if (inst.keyword === 'RUN') {
        for (const m of mountsOf(inst.flags)) {
          if (!m.from) continue;
          const { value, complete } = expandAt(m.from, inst);
          deps.push({
            kind: 'mount',
            instruction: inst,
            flag: m.flag,
            stage: resolve(value, stage.index),
            reference: value,
            complete,
          });
        }
      }
    }
    dependencies.push(deps);
  }

  const finalStage = file.stages.length - 1;
  const reachable = new Set<number>();
  const visit = (i: number) => {
    if (i < 0 || reachable.has(i)) return;
    reachable.add(i);
    for (const d of dependencies[i] ?? []) if (d.stage !== null) visit(d.stage);
  };
  visit(finalStage);
  return { bases, dependencies, finalStage, reachable, byName };
}

function baseOf(
  stage: Stage,
  expandAt: Expander,
  resolve: (ref: string, before: number) => number | null,
): StageBase {
  const word = stage.from.image;
  if (!word) return { kind: 'image', text: '', ref: null, complete: false };
  const { value, complete } = expandAt(word.raw, stage.from);
  if (complete) {
    const s = resolve(value, stage.index);
    if (s !== null && !/^\d+$/.test(value)) return { kind: 'stage', stage: s };
  }
  if (value.toLowerCase() === 'scratch') return { kind: 'scratch' };
  return { kind: 'image', text: value, ref: complete ? parseImageRef(value) : null, complete };
}
