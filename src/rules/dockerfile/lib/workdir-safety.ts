import type { DockerfileAnalysis } from '../../../dockerfile/analysis.js';
import type { Instruction, Stage } from '../../../dockerfile/model.js';
import { expandKnown, isAbsolutePath, looksLikeWindowsDrive } from './instructions.js';

/**
 * Whether changing the working directory right after `inst` changes nothing else the stage does:
 * every later instruction that depends on the working directory comes after an absolute WORKDIR,
 * and the stage's final working directory is neither the image's (final stage) nor inherited by
 * another stage (`FROM <stage>`).
 */
export function workdirChangeIsInvisible(
  model: DockerfileAnalysis,
  stage: Stage,
  inst: Instruction,
): boolean {
  for (const next of stage.instructions) {
    if (next.index <= inst.index) continue;
    switch (next.keyword) {
      case 'WORKDIR': {
        if (looksLikeWindowsDrive(next.argsText)) return true;
        const p = expandKnown(model, next.argsText, next);
        if (p.complete && isAbsolutePath(p.value)) return true;
        return false;
      }
      case 'ENV':
      case 'ARG':
      case 'LABEL':
      case 'EXPOSE':
      case 'USER':
      case 'STOPSIGNAL':
      case 'SHELL':
      case 'MAINTAINER':
        continue;
      case 'COPY':
      case 'ADD': {
        if (!next.destination) return false;
        const d = expandKnown(model, next.destination, next);
        if (d.complete && isAbsolutePath(d.value)) continue;
        return false;
      }
      case 'VOLUME': {
        if (next.items.every((w) => isAbsolutePath(expandKnown(model, w, next).value))) continue;
        return false;
      }
      default:
        // RUN, CMD, ENTRYPOINT, HEALTHCHECK and ONBUILD may use relative paths.
        return false;
    }
  }
  if (model.isFinal(stage)) return false;
  return !model.stageGraph.bases.some((b) => b.kind === 'stage' && b.stage === stage.index);
}
