import type { RuleSettings } from '../../config/settings.js';
import { defineRule } from '../../core/rule.js';
import { checkKeyValue } from '../../image/secrets.js';
import type { ImageAnalysis } from './lib/types.js';

export default defineRule<ImageAnalysis, RuleSettings>({
  id: 'image-secret-in-label',
  code: 'DA7004',
  aliases: [],
  severity: 'error',
  category: 'security',
  target: 'image',
  docs: {
    summary: 'A label of the image holds a secret.',
    rationale:
      'Labels are stored in the image config and shown by `docker inspect` to anyone who can pull the image.',
    bad: 'LABEL deploy.token=glpat-…',
    good: 'LABEL org.opencontainers.image.source=https://example.com/repo',
  },
  messages: { default: 'label {name} holds {what} ({redacted})' },
  check({ model, report }) {
    for (const [name, value] of Object.entries(model.image.config.config.Labels ?? {})) {
      const match = checkKeyValue(name, value)[0];
      if (match)
        report({
          span: model.at.label(name),
          data: { name, what: match.description, redacted: match.redacted },
        });
    }
  },
});
