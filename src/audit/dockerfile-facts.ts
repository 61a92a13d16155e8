/**
 * What a Dockerfile says about the image it builds, read off the model for the report's "current state"
 * (stages, base, user, ports, health check, cache mounts). These are readings, not judgements: rules
 * judge, and their findings fill the issue tables.
 */
import type { DockerfileAnalysis } from '../dockerfile/analysis.js';
import { mountsOf } from '../dockerfile/mounts.js';

export interface DockerfileFacts {
  stages: number;
  /** Stage names (`#2` for unnamed ones), in order. */
  stageNames: string[];
  /** The image the final stage builds on (after ARG substitution), `scratch`, or null when unknown. */
  base: string | null;
  /** The last USER of the final stage's lineage, as written; null when none is set. */
  user: string | null;
  exposed: string[];
  healthcheck: boolean;
  /** RUN instructions with a `--mount=type=cache`, in all stages. */
  cacheMounts: number;
  instructions: number;
}

export function dockerfileFacts(model: DockerfileAnalysis): DockerfileFacts {
  const file = model.file;
  const final = model.finalStage;
  let base: string | null = null;
  let user: string | null = null;
  const exposed: string[] = [];
  let healthcheck: boolean | null = null;
  if (final) {
    const root = model.rootImageOf(final);
    base = root.kind === 'scratch' ? 'scratch' : root.text || null;
    // Lineage lists the final stage first: the nearest USER/HEALTHCHECK wins.
    for (const stage of model.lineageOf(final)) {
      for (let i = stage.instructions.length - 1; i >= 0; i--) {
        const inst = stage.instructions[i]!;
        if (inst.keyword === 'USER' && user === null) user = inst.argsText.trim();
        if (inst.keyword === 'HEALTHCHECK' && healthcheck === null)
          healthcheck = !/^none$/i.test(inst.argsText.trim());
        if (inst.keyword === 'EXPOSE')
          for (const w of inst.words) if (!exposed.includes(w.value)) exposed.unshift(w.value);
      }
    }
  }
  let cacheMounts = 0;
  for (const inst of file.instructions)
    if (inst.keyword === 'RUN' && mountsOf(inst.flags).some((m) => m.type === 'cache')) cacheMounts++;
  return {
    stages: file.stages.length,
    stageNames: file.stages.map((s) => s.name ?? `#${s.index + 1}`),
    base,
    user,
    exposed,
    healthcheck: healthcheck === true,
    cacheMounts,
    instructions: file.instructions.length,
  };
}
