import type { RuleSettings } from '../../config/settings.js';
import { defineRule } from '../../core/rule.js';
import { isBase, originWords } from './lib/origin.js';
import type { ImageAnalysis } from './lib/types.js';

export default defineRule<ImageAnalysis, RuleSettings>({
  id: 'image-setuid-file',
  code: 'DA7007',
  aliases: ['CIS-DI-0008'],
  severity: 'warning',
  category: 'security',
  target: 'image',
  docs: {
    summary: 'The image has setuid or setgid files.',
    rationale:
      'A setuid or setgid program runs with its owner’s rights whoever starts it: each one is a way to escalate privileges inside the container. Remove the bits from programs the container does not need (`chmod u-s,g-s`).',
    bad: 'RUN cp /bin/bash /usr/local/bin/rootsh && chmod 4755 /usr/local/bin/rootsh',
    good: 'RUN find / -xdev -perm /6000 -type f -exec chmod a-s {} +',
  },
  messages: {
    default: '{path} is {bits} ({mode}), added by this step ({origin})',
    base: '{count} setuid/setgid files come from the base image: {paths}',
  },
  check({ model, report }) {
    const { image, at } = model;
    const base = image.files.setuid.filter((f) => isBase(image, f.layer));
    for (const f of image.files.setuid) {
      if (isBase(image, f.layer)) continue;
      const bits = [(f.mode & 0o4000) !== 0 ? 'setuid' : '', (f.mode & 0o2000) !== 0 ? 'setgid' : '']
        .filter(Boolean)
        .join(' and ');
      report({
        span: at.layer(f.layer),
        data: { path: f.path, bits, mode: `0${f.mode.toString(8)}`, origin: originWords(image, f.layer) },
      });
    }
    if (base.length > 0) {
      const shown = base.slice(0, 12).map((f) => f.path);
      report({
        span: at.layer(base[0]!.layer),
        messageId: 'base',
        severity: 'info',
        data: { count: base.length, paths: shown.join(', ') + (base.length > shown.length ? ', …' : '') },
      });
    }
  },
});
