import { dockerfileRule } from '../define.js';
import { isSemver } from './lib/label-values.js';
import { checkLabelType } from './lib/labels.js';

export default dockerfileRule({
  id: 'label-not-semver',
  code: 'DA4056',
  aliases: ['DL3056'],
  severity: 'warning',
  category: 'maintainability',
  docs: {
    summary: 'A label of type `semver` in the label schema whose value is not a semantic version.',
    rationale:
      'The label schema (`label-schema` in the configuration, or `--require-label NAME:semver`) says what a label holds, so that tools reading it can rely on the format. Build arguments are resolved first; a value with an unknown part, and an empty value (rule label-empty), are not judged.',
    bad: 'FROM debian:12\nLABEL org.opencontainers.image.version="v1.2"',
    good: 'FROM debian:12\nLABEL org.opencontainers.image.version="1.2.0"',
    config: { labelSchema: { 'org.opencontainers.image.version': 'semver' } },
  },
  messages: { default: 'label "{label}" is not a semantic version: "{value}"' },
  check({ model, settings, report }) {
    checkLabelType(model, settings.labelSchema, 'semver', isSemver, report);
  },
});
