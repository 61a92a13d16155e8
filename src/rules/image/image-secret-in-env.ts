import type { RuleSettings } from '../../config/settings.js';
import { defineRule } from '../../core/rule.js';
import { checkKeyValue } from '../../image/secrets.js';
import type { ImageAnalysis } from './lib/types.js';

export default defineRule<ImageAnalysis, RuleSettings>({
  id: 'image-secret-in-env',
  code: 'DA7003',
  aliases: [],
  severity: 'error',
  category: 'security',
  target: 'image',
  docs: {
    summary: 'An environment variable of the image holds a secret.',
    rationale:
      'ENV values are stored in the image config: anyone who can pull the image reads them with `docker inspect`. Pass secrets at run time or mount them.',
    bad: 'ENV API_TOKEN=ghp_…',
    good: 'RUN --mount=type=secret,id=api_token …',
  },
  messages: { default: 'ENV {name} holds {what} ({redacted}); anyone who pulls the image can read it' },
  check({ model, report }) {
    for (const entry of model.image.config.config.Env ?? []) {
      const eq = entry.indexOf('=');
      if (eq <= 0) continue;
      const name = entry.slice(0, eq);
      const value = entry.slice(eq + 1);
      const match = checkKeyValue(name, value)[0];
      if (!match) continue;
      report({
        span: model.at.env(name),
        data: { name, what: match.description, redacted: match.redacted },
        ...(match.confidence === 'low' ? { severity: 'warning' as const } : {}),
      });
    }
  },
});
