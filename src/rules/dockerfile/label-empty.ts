import { dockerfileRule } from '../define.js';
import { expandKnown } from './lib/instructions.js';
import { labelPairs } from './lib/labels.js';

export default dockerfileRule({
  id: 'label-empty',
  code: 'DA4051',
  aliases: ['DL3051'],
  severity: 'warning',
  category: 'maintainability',
  docs: {
    summary: 'A label of the label schema is set to an empty value.',
    rationale:
      'An empty required label passes a presence check while carrying nothing: usually a build argument that was not passed. Build arguments are resolved; a value from an argument without a known value is not judged.',
    bad: 'FROM debian:12\nLABEL org.opencontainers.image.revision=""',
    good: 'FROM debian:12\nLABEL org.opencontainers.image.revision="4f2a9c1"',
    config: { labelSchema: { 'org.opencontainers.image.revision': 'hash' } },
  },
  messages: { default: 'label "{label}" is empty' },
  check({ model, settings, report }) {
    const schema = settings.labelSchema;
    if (Object.keys(schema).length === 0) return;
    for (const { pair, inst } of labelPairs(model)) {
      if (!Object.hasOwn(schema, pair.key)) continue;
      const v = expandKnown(model, pair.rawValue, inst.onbuild ?? inst);
      if (v.complete && v.value === '') report({ span: pair.span, data: { label: pair.key } });
    }
  },
});
