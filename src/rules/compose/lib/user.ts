import type { Service } from '../../../compose/model.js';
import { knownText } from '../../../compose/model.js';
import { parseImageRef } from '../../../core/image-ref.js';
import type { DockerfileAnalysis } from '../../../dockerfile/analysis.js';
import type { Instruction, Stage } from '../../../dockerfile/model.js';
import { type DefaultUser, defaultUserOfImage } from './image-users.js';

export interface UserFact {
  user: DefaultUser | 'unknown';
  /** Where the fact comes from, for messages: an image name or a Dockerfile. */
  source: string;
}

/** Whether a `user` value (`name`, `uid`, `uid:gid`) is root. */
export function isRootUser(value: string): boolean {
  const user = value.trim().split(':')[0]!.trim();
  return user === 'root' || user === '0';
}

/** Who the service's process runs as when the service sets no `user`, when that can be known. */
export function imageUser(service: Service): UserFact {
  if (service.build) {
    const analysis = service.build.analysis;
    const source = service.build.dockerfileDisplay ?? 'the Dockerfile';
    if (!analysis) return { user: 'unknown', source };
    return dockerfileUser(analysis, service.build.target, source);
  }
  const image = knownText(service.node.pairs.get('image')?.value);
  const ref = image ? parseImageRef(image) : null;
  if (!ref) return { user: 'unknown', source: image ?? '' };
  return { user: defaultUserOfImage(ref) ?? 'unknown', source: image! };
}

/** The stage `docker build` produces: `target` when given, else the last stage. */
export function builtStage(analysis: DockerfileAnalysis, target: string | null): Stage | null {
  if (target) {
    const i = analysis.stageGraph.byName.get(target.toLowerCase());
    return i === undefined ? null : analysis.stages[i]!;
  }
  return analysis.finalStage;
}

/** The last instruction of a keyword in a stage's image, following its `FROM <stage>` chain. */
export function lastInstruction(
  analysis: DockerfileAnalysis,
  stage: Stage,
  keyword: Instruction['keyword'],
): Instruction | null {
  for (const s of analysis.lineageOf(stage)) {
    for (let i = s.instructions.length - 1; i >= 0; i--) {
      const inst = s.instructions[i]!;
      if (inst.keyword === keyword) return inst;
    }
  }
  return null;
}

function dockerfileUser(analysis: DockerfileAnalysis, target: string | null, source: string): UserFact {
  const stage = builtStage(analysis, target);
  if (!stage) return { user: 'unknown', source };
  const user = lastInstruction(analysis, stage, 'USER');
  if (user) {
    const word = user.words[0];
    if (!word) return { user: 'unknown', source };
    const e = analysis.expand(word, user);
    if (!e.complete) return { user: 'unknown', source };
    return { user: isRootUser(e.value) ? 'root' : 'non-root', source };
  }
  const base = analysis.rootImageOf(stage);
  if (base.kind === 'scratch') return { user: 'root', source };
  if (!base.ref || !base.complete) return { user: 'unknown', source };
  let fromImage = defaultUserOfImage(base.ref);
  // The base image drops root in its entrypoint; a Dockerfile that replaces the entrypoint skips that.
  if (fromImage === 'drops-root' && lastInstruction(analysis, stage, 'ENTRYPOINT')) fromImage = null;
  return { user: fromImage ?? 'unknown', source: `${source} (FROM ${base.text})` };
}
