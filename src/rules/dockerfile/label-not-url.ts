import { dockerfileRule } from '../define.js';
import { isUrl } from './lib/label-values.js';
import { checkLabelType } from './lib/labels.js';

export default dockerfileRule({
  id: 'label-not-url',
  code: 'DA4052',
  aliases: ['DL3052'],
  severity: 'warning',
  category: 'maintainability',
  docs: {
    summary: 'A label of type `url` in the label schema whose value is not a URL (RFC 3986).',
    rationale:
      'The label schema (`label-schema` in the configuration, or `--require-label NAME:url`) says what a label holds, so that tools reading it can rely on the format. Build arguments are resolved first; a value with an unknown part, and an empty value (rule label-empty), are not judged.',
    bad: 'FROM debian:12\nLABEL org.opencontainers.image.source="github.com/acme/app"',
    good: 'FROM debian:12\nLABEL org.opencontainers.image.source="https://github.com/acme/app"',
    config: { labelSchema: { 'org.opencontainers.image.source': 'url' } },
  },
  messages: { default: 'label "{label}" is not a URL (RFC 3986): "{value}"' },
  check({ model, settings, report }) {
    checkLabelType(model, settings.labelSchema, 'url', isUrl, report);
  },
});
