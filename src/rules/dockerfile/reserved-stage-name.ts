import { dockerfileRule } from '../define.js';

/** Names BuildKit gives a meaning of their own in FROM and --from. */
const RESERVED = new Set(['scratch', 'context']);

export default dockerfileRule({
  id: 'reserved-stage-name',
  code: 'DA4063',
  aliases: ['DL3063', 'ReservedStageName'],
  severity: 'warning',
  category: 'correctness',
  docs: {
    summary: 'A stage named `scratch` or `context`.',
    rationale:
      '`scratch` is the empty image and `context` the build context in `FROM` and `--from`: a stage with one of these names is ambiguous, and BuildKit may not pick the stage.',
    bad: 'FROM golang:1.22 AS scratch',
    good: 'FROM golang:1.22 AS build',
  },
  messages: { default: '"{name}" is a reserved word; give the stage another name' },
  check({ model, report }) {
    for (const stage of model.stages) {
      if (stage.name && stage.from.alias && RESERVED.has(stage.name))
        report({ span: stage.from.alias.span, data: { name: stage.from.alias.value } });
    }
  },
});
