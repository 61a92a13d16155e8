import { dockerfileRule } from '../define.js';
import { isGitHash } from './lib/label-values.js';
import { checkLabelType } from './lib/labels.js';

export default dockerfileRule({
  id: 'label-not-git-hash',
  code: 'DA4055',
  aliases: ['DL3055'],
  severity: 'warning',
  category: 'maintainability',
  docs: {
    summary: 'A label of type `hash` in the label schema whose value is not a git commit hash.',
    rationale:
      'The label schema (`label-schema` in the configuration, or `--require-label NAME:hash`) says what a label holds, so that tools reading it can rely on the format. Build arguments are resolved first; a value with an unknown part, and an empty value (rule label-empty), are not judged.',
    bad: 'FROM debian:12\nLABEL org.opencontainers.image.revision="main"',
    good: 'FROM debian:12\nLABEL org.opencontainers.image.revision="4f2a9c1"',
    config: { labelSchema: { 'org.opencontainers.image.revision': 'hash' } },
  },
  messages: { default: 'label "{label}" is not a git commit hash: "{value}"' },
  check({ model, settings, report }) {
    checkLabelType(model, settings.labelSchema, 'hash', isGitHash, report);
  },
});
