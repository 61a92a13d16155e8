import { dockerfileRule } from '../define.js';
import { labelPairs } from './lib/labels.js';

export default dockerfileRule({
  id: 'label-not-in-schema',
  code: 'DA4050',
  aliases: ['DL3050'],
  severity: 'info',
  category: 'maintainability',
  docs: {
    summary: 'With `strict-labels`, a label that the label schema does not list.',
    rationale:
      'Strict labels keep images to an agreed set of labels: anything else is a typo of a required label or information nobody maintains. With `strict-labels` and no schema, every label is reported.',
    bad: 'FROM debian:12\nLABEL org.opencontainers.image.vendor="Acme" team="core"',
    good: 'FROM debian:12\nLABEL org.opencontainers.image.vendor="Acme"',
    config: { strictLabels: true, labelSchema: { 'org.opencontainers.image.vendor': 'text' } },
  },
  messages: { default: 'label "{label}" is not in the label schema' },
  check({ model, settings, report }) {
    if (!settings.strictLabels) return;
    for (const { pair } of labelPairs(model))
      if (!Object.hasOwn(settings.labelSchema, pair.key))
        report({ span: pair.keySpan, data: { label: pair.key } });
  },
});
