import { dockerfileRule } from '../define.js';

export default dockerfileRule({
  id: 'curl-and-wget',
  code: 'DA2101',
  aliases: ['DL4001'],
  severity: 'warning',
  category: 'size',
  docs: {
    summary: 'Both `curl` and `wget` used in one stage.',
    rationale:
      'curl and wget do the same job; needing both means installing (and patching) two download tools and their libraries. Pick one per stage. Stages are judged separately, as each starts from its own base.',
    bad: 'FROM debian:12\nRUN wget -q https://example.com/a.tar.gz\nRUN curl -fsSLO https://example.com/b.tar.gz',
    good: 'FROM debian:12\nRUN curl -fsSLO https://example.com/a.tar.gz\nRUN curl -fsSLO https://example.com/b.tar.gz',
  },
  messages: { default: 'this stage uses both {other} (line {line}) and {tool}: one download tool is enough' },
  check({ model, report }) {
    // Per stage: where each tool is first used; once both are, every RUN using either is reported once.
    const first = new Map<number, Map<string, number>>();
    const reported = new Set<object>();
    for (const { inst, cmd } of model.commandsNamed('curl', 'wget')) {
      const stage = (inst.onbuild ?? inst).stage;
      let seen = first.get(stage);
      if (!seen) first.set(stage, (seen = new Map()));
      const tool = cmd.program!;
      if (!seen.has(tool)) seen.set(tool, cmd.words[0]!.start);
      const otherTool = tool === 'curl' ? 'wget' : 'curl';
      const other = seen.get(otherTool);
      if (other === undefined || reported.has(inst)) continue;
      reported.add(inst);
      const name = cmd.words[0]!;
      report({
        span: { start: name.start, end: name.end },
        data: { tool, other: otherTool, line: model.file.lines.position(other).line },
      });
    }
  },
});
