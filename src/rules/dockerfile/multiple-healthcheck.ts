import { dockerfileRule } from '../define.js';
import { reportRepeated } from './lib/repeated.js';

export default dockerfileRule({
  id: 'multiple-healthcheck',
  code: 'DA4012',
  aliases: ['DL3012', 'MultipleInstructionsDisallowed'],
  severity: 'error',
  category: 'correctness',
  docs: {
    summary: 'More than one `HEALTHCHECK` in a stage.',
    rationale:
      'Docker keeps only the last HEALTHCHECK of a stage; an earlier one never runs and misleads readers about how the container is probed.',
    bad: 'FROM nginx:1.27\nHEALTHCHECK CMD ["curl", "-f", "http://localhost/"]\nHEALTHCHECK CMD ["wget", "-q", "--spider", "http://localhost/"]',
    good: 'FROM nginx:1.27\nHEALTHCHECK CMD ["wget", "-q", "--spider", "http://localhost/"]',
  },
  messages: { default: 'this {keyword} replaces the {keyword} on line {line}, which has no effect' },
  check({ model, report }) {
    reportRepeated(model, 'HEALTHCHECK', report);
  },
});
