import type { RuleSettings } from '../../config/settings.js';
import { defineRule } from '../../core/rule.js';
import { checkKeyValue, scanText } from '../../image/secrets.js';
import type { ImageAnalysis } from './lib/types.js';

export default defineRule<ImageAnalysis, RuleSettings>({
  id: 'image-secret-in-history',
  code: 'DA7005',
  aliases: [],
  severity: 'error',
  category: 'security',
  target: 'image',
  docs: {
    summary: 'The image history records a secret (a build argument or a value in a RUN command).',
    rationale:
      'Build arguments used by RUN are written into the image history (`RUN |1 TOKEN=… /bin/sh -c …`), and so is every RUN command: `docker history --no-trunc` shows them to anyone who can pull the image. Use a secret mount instead.',
    bad: 'ARG NPM_TOKEN\nRUN npm ci',
    good: 'RUN --mount=type=secret,id=npm_token NPM_TOKEN=$(cat /run/secrets/npm_token) npm ci',
  },
  messages: {
    buildArg:
      'build argument {name} is stored in the image history from this step on and holds {what} ({redacted}); use RUN --mount=type=secret',
    command: 'this {keyword} step records {what} ({redacted}) in the image history',
  },
  check({ model, report }) {
    // A build argument is recorded by every RUN after its ARG: report it once, where it first appears.
    const seenArgs = new Set<string>();
    for (const step of model.image.history) {
      // ENV and LABEL values are the config's own rules' business.
      if (step.keyword === 'ENV' || step.keyword === 'LABEL') continue;
      const span = model.at.step(step.index);
      const reported = new Set<string>();
      for (const arg of step.buildArgs) {
        const match = checkKeyValue(arg.name, arg.value)[0];
        if (!match) continue;
        reported.add(arg.value);
        const key = `${arg.name}=${arg.value}`;
        if (seenArgs.has(key)) continue;
        seenArgs.add(key);
        report({
          span,
          messageId: 'buildArg',
          data: { name: arg.name, what: match.description, redacted: match.redacted },
        });
      }
      const text = step.keyword === 'RUN' ? step.args : step.createdBy;
      for (const match of scanText(text)) {
        const value = text.slice(match.start, match.end);
        if (reported.has(value)) continue;
        reported.add(value);
        report({
          span,
          messageId: 'command',
          data: { keyword: step.keyword ?? 'build', what: match.description, redacted: match.redacted },
        });
      }
    }
  },
});
