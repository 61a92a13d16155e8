import type { RuleSettings } from '../../config/settings.js';
import { defineRule } from '../../core/rule.js';
import { CACHE_INFO } from '../../image/caches.js';
import { formatBytes } from '../../image/format.js';
import { isBase, originWords } from './lib/origin.js';
import type { ImageAnalysis } from './lib/types.js';

/** Smallest leftover reported (bytes); `ruleOptions['image-package-cache'].minBytes` changes it. */
const MIN_BYTES = 10_000;

export default defineRule<ImageAnalysis, RuleSettings>({
  id: 'image-package-cache',
  code: 'DA7009',
  aliases: [],
  severity: 'warning',
  category: 'size',
  target: 'image',
  docs: {
    summary: 'The image ships package-manager caches or temporary files.',
    rationale:
      'apt lists, downloaded packages, pip/npm/yarn/Go caches and files in /tmp serve no purpose at run time but make every pull slower. Remove them in the same RUN that creates them, or use a cache mount.',
    bad: 'RUN apt-get update && apt-get install -y curl',
    good: 'RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*',
  },
  messages: {
    default: '{label} left in the image: {bytes} in {root} ({files} files), by this step ({origin}); {fix}',
  },
  check({ model, settings, report }) {
    const { image, at } = model;
    const min = Number(settings.ruleOptions['image-package-cache']?.minBytes ?? MIN_BYTES);
    for (const g of image.waste.groups) {
      if (g.kind !== 'cache' || !g.category || g.bytes < min) continue;
      const info = CACHE_INFO[g.category];
      report({
        span: at.layer(g.layer),
        data: {
          label: info.label,
          bytes: formatBytes(g.bytes),
          root: g.root,
          files: g.files,
          origin: originWords(image, g.layer),
          fix: info.fix,
        },
        ...(isBase(image, g.layer) ? { severity: 'info' as const } : {}),
      });
    }
  },
});
