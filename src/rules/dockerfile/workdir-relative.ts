import type { DockerfileAnalysis } from '../../dockerfile/analysis.js';
import type { Instruction } from '../../dockerfile/model.js';
import { dockerfileRule } from '../define.js';
import {
  expandKnown,
  isAbsolutePath,
  lineageBefore,
  looksLikeWindowsDrive,
  withTriggers,
} from './lib/instructions.js';

export default dockerfileRule({
  id: 'workdir-relative',
  code: 'DA4000',
  aliases: ['DL3000', 'WorkdirRelativePath'],
  severity: 'error',
  category: 'reliability',
  docs: {
    summary: 'A relative `WORKDIR` before any absolute one in the stage.',
    rationale:
      "A relative WORKDIR is resolved against the base image's working directory, which the Dockerfile does not control: when the base image changes its WORKDIR, files land somewhere else. Set an absolute path first; a relative WORKDIR after an absolute one is well defined and not reported. Build arguments and environment variables are resolved before judging.",
    bad: 'FROM debian:12\nWORKDIR app',
    good: 'FROM debian:12\nWORKDIR /app',
  },
  messages: {
    default: 'use an absolute WORKDIR: "{path}" depends on the base image\'s working directory',
  },
  check({ model, report }) {
    for (const inst of withTriggers(model.file.instructions)) {
      if (inst.keyword !== 'WORKDIR' || inst.argsText.length === 0) continue;
      if (looksLikeWindowsDrive(inst.argsText)) continue;
      const path = expandKnown(model, inst.argsText, inst.onbuild ?? inst);
      if (!path.complete || isAbsolutePath(path.value)) continue;
      if (hasAbsoluteWorkdirBefore(model, inst)) continue;
      report({ span: inst.argsSpan, data: { path: path.value } });
    }
  },
});

function hasAbsoluteWorkdirBefore(model: DockerfileAnalysis, inst: Instruction): boolean {
  for (const prev of lineageBefore(model, inst)) {
    const w = prev.keyword === 'ONBUILD' && inst.onbuild ? prev.trigger : prev;
    if (w?.keyword !== 'WORKDIR') continue;
    if (looksLikeWindowsDrive(w.argsText)) return true;
    const p = expandKnown(model, w.argsText, w.onbuild ?? w);
    if (!p.complete || isAbsolutePath(p.value)) return true;
  }
  // A trigger runs in the child image, after the whole stage: any absolute WORKDIR of the stage counts.
  if (inst.onbuild) {
    const stage = model.stages[inst.onbuild.stage];
    for (const s of stage ? model.lineageOf(stage) : [])
      for (const w of s.instructions)
        if (w.keyword === 'WORKDIR') {
          const p = expandKnown(model, w.argsText, w);
          if (!p.complete || isAbsolutePath(p.value) || looksLikeWindowsDrive(w.argsText)) return true;
        }
  }
  return false;
}
