import { dockerfileRule } from '../define.js';

export default dockerfileRule({
  id: 'empty-continuation-line',
  code: 'DA1004',
  aliases: ['NoEmptyContinuation'],
  severity: 'warning',
  category: 'correctness',
  fixable: 'safe',
  docs: {
    summary: 'A blank line inside a continued instruction.',
    rationale:
      'BuildKit skips blank lines inside a continuation today but warns that a future release will reject them; they also make it easy to believe the instruction ended there.',
    bad: 'RUN apt-get update && \\\n\n    apt-get install -y curl',
    good: 'RUN apt-get update && \\\n    apt-get install -y curl',
  },
  messages: { default: 'empty line inside a continued instruction (deprecated; remove it)' },
  check({ model, report }) {
    const { file } = model;
    for (const p of file.problems) {
      if (p.kind !== 'empty-continuation') continue;
      const line0 = file.lines.lineOf(p.span.start);
      const start = file.lines.lineStarts[line0]!;
      const next = file.lines.lineStarts[line0 + 1] ?? file.text.length;
      report({ span: p.span, fix: [{ start, end: next, text: '' }] });
    }
  },
});
