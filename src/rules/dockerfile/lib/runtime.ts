import type { DockerfileAnalysis } from '../../../dockerfile/analysis.js';

/** What the final image runs, as far as the Dockerfile says. */

const SHELLS = new Set(['sh', 'bash', 'dash', 'ash', 'zsh']);

/**
 * The final stage names a program to run (CMD or ENTRYPOINT other than an interactive shell). Base
 * and toolbox images (no command, or `CMD ["bash"]`) ship their tools on purpose.
 */
export function runsService(model: DockerfileAnalysis): boolean {
  const final = model.finalStage;
  if (!final) return false;
  for (const s of model.lineageOf(final))
    for (const i of s.instructions) {
      if (i.keyword !== 'CMD' && i.keyword !== 'ENTRYPOINT') continue;
      const first = model.commandsOf(i)?.commands.find((c) => c.via === null);
      if (first && !(first.program && SHELLS.has(first.program) && first.args.length === 0)) return true;
    }
  return false;
}

/** The container starts a script (which may use the tool) rather than a known program. */
export function startsScript(model: DockerfileAnalysis): boolean {
  const final = model.finalStage;
  if (!final) return false;
  for (const s of model.lineageOf(final))
    for (const i of s.instructions) {
      if (i.keyword !== 'CMD' && i.keyword !== 'ENTRYPOINT') continue;
      for (const c of model.commandsOf(i)?.commands ?? []) {
        const name = c.name ?? '';
        if (name.endsWith('.sh') || (name.includes('/') && !/^\/(?:usr\/)?(?:local\/)?s?bin\//.test(name)))
          return true;
        if (
          c.program &&
          SHELLS.has(c.program) &&
          c.args.some((a) => a.value !== null && !a.value.startsWith('-')) &&
          !c.args.some((a) => a.value === '-c')
        )
          return true;
      }
    }
  return false;
}
