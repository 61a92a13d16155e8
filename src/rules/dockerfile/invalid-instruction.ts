import { dockerfileRule } from '../define.js';

export default dockerfileRule({
  id: 'invalid-instruction',
  code: 'DA1002',
  aliases: [],
  severity: 'error',
  category: 'correctness',
  docs: {
    summary: 'An instruction or parser directive has arguments BuildKit rejects.',
    rationale:
      'BuildKit refuses to build a Dockerfile with a malformed instruction (ENV without a value, FROM with extra words, SHELL not in JSON form, an unknown flag, a JSON array holding non-strings, a repeated or invalid directive).',
    bad: 'ENV DEBUG\nSHELL /bin/bash -c',
    good: 'ENV DEBUG=1\nSHELL ["/bin/bash", "-c"]',
  },
  messages: { default: '{problem}' },
  check({ model, report }) {
    for (const p of model.file.problems) {
      if (p.kind === 'invalid-arguments' || p.kind === 'invalid-json' || p.kind === 'invalid-directive')
        report({ span: p.span, data: { problem: p.message } });
    }
  },
});
