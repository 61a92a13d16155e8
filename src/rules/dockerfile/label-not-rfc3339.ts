import { dockerfileRule } from '../define.js';
import { isRfc3339 } from './lib/label-values.js';
import { checkLabelType } from './lib/labels.js';

export default dockerfileRule({
  id: 'label-not-rfc3339',
  code: 'DA4053',
  aliases: ['DL3053'],
  severity: 'warning',
  category: 'maintainability',
  docs: {
    summary: 'A label of type `rfc3339` in the label schema whose value is not an RFC 3339 date and time.',
    rationale:
      'The label schema (`label-schema` in the configuration, or `--require-label NAME:rfc3339`) says what a label holds, so that tools reading it can rely on the format. Build arguments are resolved first; a value with an unknown part, and an empty value (rule label-empty), are not judged.',
    bad: 'FROM debian:12\nLABEL org.opencontainers.image.created="2024-05-01"',
    good: 'FROM debian:12\nLABEL org.opencontainers.image.created="2024-05-01T12:00:00Z"',
    config: { labelSchema: { 'org.opencontainers.image.created': 'rfc3339' } },
  },
  messages: { default: 'label "{label}" is not an RFC 3339 date and time: "{value}"' },
  check({ model, settings, report }) {
    checkLabelType(model, settings.labelSchema, 'rfc3339', isRfc3339, report);
  },
});
