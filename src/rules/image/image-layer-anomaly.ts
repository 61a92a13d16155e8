import type { RuleSettings } from '../../config/settings.js';
import { defineRule } from '../../core/rule.js';
import type { ImageAnalysis } from './lib/types.js';

export default defineRule<ImageAnalysis, RuleSettings>({
  id: 'image-layer-anomaly',
  code: 'DA7013',
  aliases: [],
  severity: 'warning',
  category: 'reliability',
  target: 'image',
  docs: {
    summary:
      'A layer is malformed in a way runtimes tolerate: duplicate entries, symlink loops, whiteouts of nothing.',
    rationale:
      'Runtimes keep the last of duplicate entries and never resolve a symlink loop; tools that read layers differently may see other files than the container does. Such layers come from broken or hostile builders.',
    bad: '(a layer tar with the same path twice)',
    good: '(layers written by BuildKit, buildah or kaniko)',
  },
  messages: {
    'duplicate-entry': '{path} appears more than once in this layer (the last copy wins)',
    'symlink-loop': '{path} is a symlink loop (or a chain of more than 40 links)',
    'whiteout-without-target': 'this layer deletes {path}, which no lower layer has',
    more: '{count} more layer anomalies not listed',
  },
  check({ model, report }) {
    const { image, at } = model;
    for (const a of image.anomalies)
      report({
        span: at.layer(a.layer),
        messageId: a.kind,
        data: { path: `/${a.path}` },
        ...(a.kind === 'whiteout-without-target' ? { severity: 'info' as const } : {}),
      });
    if (image.anomalyTotal > image.anomalies.length)
      report({
        span: at.image(),
        messageId: 'more',
        data: { count: image.anomalyTotal - image.anomalies.length },
      });
  },
});
