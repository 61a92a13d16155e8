import { dockerfileRule } from '../define.js';

export default dockerfileRule({
  id: 'unterminated-heredoc',
  code: 'DA1003',
  aliases: [],
  severity: 'error',
  category: 'correctness',
  docs: {
    summary: 'A heredoc (`<<EOF`) is never closed by its terminator line.',
    rationale:
      'BuildKit reads everything up to the terminator as the heredoc body; without it the rest of the file is swallowed and the build fails. The terminator must stand alone on its line (leading tabs are allowed only with `<<-`).',
    bad: 'RUN <<EOF\napt-get update\n  EOF',
    good: 'RUN <<EOF\napt-get update\nEOF',
  },
  messages: { default: 'heredoc <<{name} is never terminated: add a line holding only "{name}"' },
  check({ model, report }) {
    for (const p of model.file.problems) {
      if (p.kind !== 'unterminated-heredoc') continue;
      const name = /<<(.*) is never/.exec(p.message)?.[1] ?? 'EOF';
      report({ span: p.span, data: { name } });
    }
  },
});
