import { dockerfileRule } from '../define.js';
import { isSpdxExpression } from './lib/label-values.js';
import { checkLabelType } from './lib/labels.js';

export default dockerfileRule({
  id: 'label-not-spdx',
  code: 'DA4054',
  aliases: ['DL3054'],
  severity: 'warning',
  category: 'maintainability',
  docs: {
    summary: 'A label of type `spdx` in the label schema whose value is not an SPDX license expression.',
    rationale:
      'The label schema (`label-schema` in the configuration, or `--require-label NAME:spdx`) says what a label holds, so that tools reading it can rely on the format. Build arguments are resolved first; a value with an unknown part, and an empty value (rule label-empty), are not judged.',
    bad: 'FROM debian:12\nLABEL org.opencontainers.image.licenses="Apache 2"',
    good: 'FROM debian:12\nLABEL org.opencontainers.image.licenses="Apache-2.0 OR MIT"',
    config: { labelSchema: { 'org.opencontainers.image.licenses': 'spdx' } },
  },
  messages: { default: 'label "{label}" is not an SPDX license expression: "{value}"' },
  check({ model, settings, report }) {
    checkLabelType(model, settings.labelSchema, 'spdx', isSpdxExpression, report);
  },
});
