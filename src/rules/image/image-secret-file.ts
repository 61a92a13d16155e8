import type { RuleSettings } from '../../config/settings.js';
import { defineRule } from '../../core/rule.js';
import { describeLayer } from '../../image/format.js';
import type { ImageAnalysis } from './lib/types.js';

export default defineRule<ImageAnalysis, RuleSettings>({
  id: 'image-secret-file',
  code: 'DA7006',
  aliases: [],
  severity: 'error',
  category: 'security',
  target: 'image',
  docs: {
    summary:
      'A layer of the image holds a secret file (a private key, credentials), even if a later layer deletes it.',
    rationale:
      'Every layer ships whole: a key copied in one step and deleted in the next is still in the first layer, and `docker save` plus `tar` recovers it. Use a secret mount, or build in an earlier stage.',
    bad: 'COPY id_rsa /root/.ssh/id_rsa\nRUN git clone … && rm /root/.ssh/id_rsa',
    good: 'RUN --mount=type=ssh git clone …',
  },
  messages: {
    default: '{path} ({what}) is in the image, added by this step',
    deleted:
      '{path} ({what}) added by this step is still extractable from its layer, although {by} deletes it',
    likely: '{path} looks like {what} (too large to check its content), added by this step',
  },
  check({ model, report }) {
    const { image, at } = model;
    for (const f of image.secretFiles) {
      const span = at.layer(f.layer);
      const data = { path: f.path, what: f.description };
      if (f.removedBy !== null)
        report({ span, messageId: 'deleted', data: { ...data, by: describeLayer(image, f.removedBy) } });
      else if (f.evidence === 'likely') report({ span, messageId: 'likely', data, severity: 'warning' });
      else report({ span, data });
    }
  },
});
