import type { DockerfileAnalysis } from '../../dockerfile/analysis.js';
import type { Instruction } from '../../dockerfile/model.js';
import { dockerfileRule } from '../define.js';

export default dockerfileRule({
  id: 'consecutive-run',
  code: 'DA2059',
  aliases: ['DL3059'],
  severity: 'info',
  category: 'size',
  docs: {
    summary: 'Consecutive single-command RUN instructions that could be one.',
    rationale:
      'Each RUN adds a layer; files a later RUN deletes still ship in the earlier layer, and many small layers slow pushes and pulls. Two RUNs in a row with the same flags, each running one command, are usually better joined with `&&`. RUNs that already chain commands are left alone (splitting them was likely deliberate for caching), as are RUNs with different mounts.',
    bad: 'FROM debian:12\nRUN mkdir -p /app\nRUN chown 1000:1000 /app',
    good: 'FROM debian:12\nRUN mkdir -p /app && chown 1000:1000 /app',
  },
  messages: { default: 'join this RUN with the one on line {line}: each RUN adds a layer' },
  check({ model, report }) {
    // Instructions before the first FROM form a group of their own (files without FROM).
    for (const group of [model.file.preamble, ...model.stages.map((s) => s.instructions)]) {
      let prev: Instruction | null = null;
      for (const inst of group) {
        if (inst.keyword !== 'RUN') {
          prev = null;
          continue;
        }
        if (prev && sameFlags(prev, inst) && single(model, prev) && single(model, inst))
          report({ span: inst.keywordSpan, data: { line: model.file.lines.position(prev.span.start).line } });
        prev = inst;
      }
    }
  },
});

function sameFlags(a: Instruction, b: Instruction): boolean {
  const key = (i: Instruction) =>
    i.flags
      .map((f) => `${f.name}=${f.value ?? ''}`)
      .sort()
      .join('\n');
  return key(a) === key(b);
}

/** A RUN running at most one command of its own (wrapped and substituted commands do not count). */
function single(model: DockerfileAnalysis, inst: Instruction): boolean {
  const commands = model.commandsOf(inst);
  if (!commands) return false;
  if (commands.form === 'shell' && commands.shell.kind !== 'posix') return false;
  return commands.commands.filter((c) => c.via === null && !c.inSubstitution).length <= 1;
}
