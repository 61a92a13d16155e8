import { composeRule } from './lib/define.js';

export default composeRule({
  id: 'compose-invalid-interpolation',
  code: 'DA5022',
  aliases: [],
  severity: 'error',
  category: 'correctness',
  docs: {
    summary: 'A `${…}` expression that Compose cannot interpolate.',
    rationale:
      "Compose supports `${VAR}`, `${VAR:-default}`, `${VAR-default}`, `${VAR:?error}`, `${VAR?error}`, `${VAR:+alt}` and `${VAR+alt}` only, and refuses to load a file with anything else (`${VAR/a/b}`, `${VAR:0:3}`, an unclosed `${`). Write `$$` for a literal dollar sign, for example in a command meant for the container's shell.",
    bad: 'services:\n  app:\n    image: example/app:1\n    command: sh -c "echo ${HOSTNAME%%.*}"',
    good: 'services:\n  app:\n    image: example/app:1\n    command: sh -c "echo $${HOSTNAME%%.*}"',
  },
  messages: { default: '{message}' },
  check({ model, report }) {
    const seen = new Set<number>();
    for (const p of model.problems) {
      if (p.kind !== 'invalid-interpolation' || seen.has(p.span.start)) continue;
      seen.add(p.span.start);
      report({ span: p.span, data: { message: p.message } });
    }
  },
});
