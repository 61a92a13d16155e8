import { dockerfileRule } from '../define.js';

export default dockerfileRule({
  id: 'instruction-order',
  code: 'DA1061',
  aliases: ['DL3061'],
  severity: 'error',
  category: 'correctness',
  docs: {
    summary: 'An instruction other than ARG before the first FROM.',
    rationale:
      'A Dockerfile must start with FROM; only ARG (build arguments for FROM lines), comments and parser directives may come before it. BuildKit refuses anything else there.',
    bad: 'LABEL org.opencontainers.image.title=app\nFROM debian:12',
    good: 'FROM debian:12\nLABEL org.opencontainers.image.title=app',
  },
  messages: { default: '{keyword} before the first FROM: only ARG may come before FROM' },
  check({ model, report }) {
    for (const inst of model.file.preamble) {
      if (inst.keyword === 'ARG' || inst.keyword === 'UNKNOWN') continue;
      report({ span: inst.keywordSpan, data: { keyword: inst.keyword } });
    }
  },
});
