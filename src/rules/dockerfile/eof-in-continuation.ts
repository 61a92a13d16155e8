import { dockerfileRule } from '../define.js';

export default dockerfileRule({
  id: 'eof-in-continuation',
  code: 'DA1005',
  aliases: [],
  severity: 'warning',
  category: 'correctness',
  docs: {
    summary: 'The file ends with a line continuation.',
    rationale:
      'A trailing escape character at the end of the file means the last instruction was cut short: often a line was lost when the file was edited or generated.',
    bad: 'RUN apt-get update && \\',
    good: 'RUN apt-get update',
  },
  messages: { default: 'the file ends inside a continued instruction: was the last line lost?' },
  check({ model, report }) {
    for (const p of model.file.problems) if (p.kind === 'eof-in-continuation') report({ span: p.span });
  },
});
