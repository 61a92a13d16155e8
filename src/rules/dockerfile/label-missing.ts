import { dockerfileRule } from '../define.js';
import { consumersOf } from './lib/instructions.js';
import { stageHasLabel } from './lib/labels.js';

export default dockerfileRule({
  id: 'label-missing',
  code: 'DA4049',
  aliases: ['DL3049'],
  severity: 'info',
  category: 'maintainability',
  docs: {
    summary: 'A label required by the label schema is missing from a stage.',
    rationale:
      'A team that requires labels (`label-schema` in the configuration, or `--require-label`) wants every image to carry them for inventory, ownership and licence checks. A stage is checked with the stages it builds on; a builder stage is not reported when a stage that builds on it or copies from it has the label.',
    bad: 'FROM debian:12\nCOPY app /app',
    good: 'FROM debian:12\nLABEL org.opencontainers.image.source="https://github.com/acme/app"\nCOPY app /app',
    config: { labelSchema: { 'org.opencontainers.image.source': 'url' } },
  },
  messages: { default: 'label "{label}" is missing' },
  check({ model, settings, report }) {
    const required = Object.keys(settings.labelSchema);
    if (required.length === 0) return;
    for (const label of required) {
      for (const stage of model.stages) {
        if (stageHasLabel(model, stage, label)) continue;
        const consumers = consumersOf(model, stage.index);
        if ([...consumers].some((c) => stageHasLabel(model, model.stages[c]!, label))) continue;
        report({ span: stage.from.image?.span ?? stage.from.keywordSpan, data: { label } });
      }
    }
  },
});
