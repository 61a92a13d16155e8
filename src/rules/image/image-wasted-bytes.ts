import type { RuleSettings } from '../../config/settings.js';
import { defineRule } from '../../core/rule.js';
import { describeLayer, formatBytes } from '../../image/format.js';
import { isBase } from './lib/origin.js';
import type { ImageAnalysis } from './lib/types.js';

/** Smallest waste reported (bytes); `ruleOptions['image-wasted-bytes'].minBytes` changes it. */
const MIN_BYTES = 100_000;

export default defineRule<ImageAnalysis, RuleSettings>({
  id: 'image-wasted-bytes',
  code: 'DA7010',
  aliases: [],
  severity: 'warning',
  category: 'size',
  target: 'image',
  docs: {
    summary: 'A step adds files that a later step deletes or overwrites: the bytes still ship.',
    rationale:
      'Layers only add: deleting a file in a later RUN hides it but the earlier layer still carries it, and a chmod or chown in a later step copies the whole file again. Clean up in the same RUN, or use COPY --chmod/--chown.',
    bad: 'RUN apt-get update\nRUN rm -rf /var/lib/apt/lists/*',
    good: 'RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*',
  },
  messages: {
    deleted:
      '{bytes} under {root} ({files} files) added by this step are deleted by {by}: they still ship in this layer; remove them in the same step',
    overwritten:
      '{bytes} under {root} ({files} files) added by this step are copied again by {by} (a later change of content or permissions); do it in this step (COPY --chmod/--chown, or one RUN)',
  },
  check({ model, settings, report }) {
    const { image, at } = model;
    const min = Number(settings.ruleOptions['image-wasted-bytes']?.minBytes ?? MIN_BYTES);
    for (const g of image.waste.groups) {
      if (g.kind === 'cache' || g.bytes < min || g.by === null) continue;
      report({
        span: at.layer(g.layer),
        messageId: g.kind,
        data: { bytes: formatBytes(g.bytes), root: g.root, files: g.files, by: describeLayer(image, g.by) },
        ...(isBase(image, g.layer) && isBase(image, g.by) ? { severity: 'info' as const } : {}),
      });
    }
  },
});
