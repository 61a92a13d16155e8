import { dockerfileRule } from '../define.js';
import { reportRepeated } from './lib/repeated.js';

export default dockerfileRule({
  id: 'multiple-entrypoint',
  code: 'DA4104',
  aliases: ['DL4004', 'MultipleInstructionsDisallowed'],
  severity: 'error',
  category: 'correctness',
  docs: {
    summary: 'More than one `ENTRYPOINT` in a stage.',
    rationale:
      'Docker keeps only the last ENTRYPOINT of a stage; an earlier one is dead code that misleads readers about what the container runs.',
    bad: 'FROM python:3.12\nENTRYPOINT ["python"]\nENTRYPOINT ["gunicorn"]',
    good: 'FROM python:3.12\nENTRYPOINT ["gunicorn"]',
  },
  messages: { default: 'this {keyword} replaces the {keyword} on line {line}, which has no effect' },
  check({ model, report }) {
    reportRepeated(model, 'ENTRYPOINT', report);
  },
});
