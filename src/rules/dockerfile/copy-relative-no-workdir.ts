import type { DockerfileAnalysis } from '../../dockerfile/analysis.js';
import type { Instruction } from '../../dockerfile/model.js';
import { dockerfileRule } from '../define.js';
import {
  expandKnown,
  isAbsolutePath,
  lineageBefore,
  looksLikeWindowsDrive,
  stageOf,
  withTriggers,
} from './lib/instructions.js';

export default dockerfileRule({
  id: 'copy-relative-no-workdir',
  code: 'DA4045',
  aliases: ['DL3045'],
  severity: 'warning',
  category: 'reliability',
  docs: {
    summary: 'COPY to a relative destination while no WORKDIR is set in the stage.',
    rationale:
      'A relative destination is resolved against the working directory, which, without a WORKDIR in the stage (or in the stage it builds on), is whatever the base image chose: files land in `/` today and elsewhere after a base image update. Set WORKDIR or copy to an absolute path. Destinations that use a build argument or variable with an unknown value are left alone.',
    bad: 'FROM node:20\nCOPY package.json .',
    good: 'FROM node:20\nWORKDIR /app\nCOPY package.json .',
  },
  messages: { default: 'set WORKDIR before copying to the relative destination "{dest}"' },
  check({ model, report }) {
    for (const inst of withTriggers(model.file.instructions)) {
      if (inst.keyword !== 'COPY' || !inst.destination) continue;
      const word = inst.destination;
      if (looksLikeWindowsDrive(word.raw)) continue;
      const dest = expandKnown(model, word, inst.onbuild ?? inst);
      if (!dest.complete || isAbsolutePath(dest.value)) continue;
      if (workdirSet(model, inst)) continue;
      report({ span: word.span, data: { dest: dest.value } });
    }
  },
});

function workdirSet(model: DockerfileAnalysis, inst: Instruction): boolean {
  if (!stageOf(model, inst)) {
    const limit = (inst.onbuild ?? inst).index;
    return model.file.preamble.some((i) => i.index < limit && i.keyword === 'WORKDIR');
  }
  for (const prev of lineageBefore(model, inst)) {
    if (prev.keyword === 'WORKDIR') return true;
    if (inst.onbuild && prev.keyword === 'ONBUILD' && prev.trigger?.keyword === 'WORKDIR') return true;
  }
  // A trigger runs in the child build, which starts from this stage's final working directory.
  if (inst.onbuild) {
    const stage = stageOf(model, inst)!;
    return model.lineageOf(stage).some((s) => s.instructions.some((i) => i.keyword === 'WORKDIR'));
  }
  return false;
}
