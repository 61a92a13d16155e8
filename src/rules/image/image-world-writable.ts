import type { RuleSettings } from '../../config/settings.js';
import { defineRule } from '../../core/rule.js';
import { isBase, originWords } from './lib/origin.js';
import type { ImageAnalysis } from './lib/types.js';

export default defineRule<ImageAnalysis, RuleSettings>({
  id: 'image-world-writable',
  code: 'DA7008',
  aliases: [],
  severity: 'warning',
  category: 'security',
  target: 'image',
  docs: {
    summary: 'The image has world-writable files or folders (worst on PATH).',
    rationale:
      'Any user in the container can change a world-writable file; in a folder of PATH, anyone can replace a command that root later runs. Folders need the sticky bit at least (like /tmp).',
    bad: 'RUN chmod 0777 /usr/local/bin/tool',
    good: 'RUN chmod 0755 /usr/local/bin/tool',
  },
  messages: {
    default: '{path} is world-writable ({mode}), set by this step ({origin})',
    path: '{path} is world-writable ({mode}) and on PATH: any user can replace a command ({origin})',
  },
  check({ model, report }) {
    const { image, at } = model;
    for (const f of image.files.worldWritable) {
      const base = isBase(image, f.layer);
      report({
        span: at.layer(f.layer),
        messageId: f.onPath ? 'path' : 'default',
        data: { path: f.path, mode: `0${f.mode.toString(8)}`, origin: originWords(image, f.layer) },
        ...(f.onPath && !base ? { severity: 'error' as const } : base ? { severity: 'info' as const } : {}),
      });
    }
  },
});
