import { dockerfileRule } from '../define.js';
import { isEmail } from './lib/label-values.js';
import { checkLabelType } from './lib/labels.js';

export default dockerfileRule({
  id: 'label-not-email',
  code: 'DA4058',
  aliases: ['DL3058'],
  severity: 'warning',
  category: 'maintainability',
  docs: {
    summary: 'A label of type `email` in the label schema whose value is not an email address (RFC 5322).',
    rationale:
      'The label schema (`label-schema` in the configuration, or `--require-label NAME:email`) says what a label holds, so that tools reading it can rely on the format. Build arguments are resolved first; a value with an unknown part, and an empty value (rule label-empty), are not judged.',
    bad: 'FROM debian:12\nLABEL maintainer="Jane Doe"',
    good: 'FROM debian:12\nLABEL maintainer="jane@example.com"',
    config: { labelSchema: { maintainer: 'email' } },
  },
  messages: { default: 'label "{label}" is not an email address (RFC 5322): "{value}"' },
  check({ model, settings, report }) {
    checkLabelType(model, settings.labelSchema, 'email', isEmail, report);
  },
});
