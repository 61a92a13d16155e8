import { dockerfileRule } from '../define.js';

export default dockerfileRule({
  id: 'duplicate-stage-name',
  code: 'DA4024',
  aliases: ['DL3024', 'DuplicateStageName'],
  severity: 'error',
  category: 'correctness',
  docs: {
    summary: 'Two stages with the same name.',
    rationale:
      'Stage names are compared without case, and BuildKit refuses a Dockerfile where two stages share one: `--from`, `FROM <stage>` and `--target` would be ambiguous.',
    bad: 'FROM node:20 AS build\nFROM golang:1.22 AS build',
    good: 'FROM node:20 AS web\nFROM golang:1.22 AS api',
  },
  messages: { default: 'stage name "{name}" is already used on line {line}' },
  check({ model, report }) {
    const seen = new Map<string, number>();
    for (const stage of model.stages) {
      if (!stage.name || !stage.from.alias) continue;
      const first = seen.get(stage.name);
      if (first === undefined) {
        seen.set(stage.name, stage.index);
        continue;
      }
      const line = model.file.lines.position(model.stages[first]!.from.span.start).line;
      report({ span: stage.from.alias.span, data: { name: stage.from.alias.value, line } });
    }
  },
});
