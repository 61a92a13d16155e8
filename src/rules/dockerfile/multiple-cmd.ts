import { dockerfileRule } from '../define.js';
import { reportRepeated } from './lib/repeated.js';

export default dockerfileRule({
  id: 'multiple-cmd',
  code: 'DA4103',
  aliases: ['DL4003', 'MultipleInstructionsDisallowed'],
  severity: 'warning',
  category: 'correctness',
  docs: {
    summary: 'More than one `CMD` in a stage.',
    rationale:
      'Docker keeps only the last CMD of a stage; an earlier one is dead code that misleads readers about what the container runs (often a leftover of an edit or a merge).',
    bad: 'FROM python:3.12\nCMD ["python", "-m", "http.server"]\nCMD ["gunicorn", "app:app"]',
    good: 'FROM python:3.12\nCMD ["gunicorn", "app:app"]',
  },
  messages: { default: 'this {keyword} replaces the {keyword} on line {line}, which has no effect' },
  check({ model, report }) {
    reportRepeated(model, 'CMD', report);
  },
});
