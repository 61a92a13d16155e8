import type { RuleSettings } from '../../config/settings.js';
import { defineRule } from '../../core/rule.js';
import type { ImageAnalysis } from './lib/types.js';

/** True for a USER that is root: empty, `root`, `0`, with any group. */
export function isRootUser(user: string | undefined): boolean {
  const name = (user ?? '').trim().split(':')[0]!;
  return name === '' || name === 'root' || name === '0';
}

export default defineRule<ImageAnalysis, RuleSettings>({
  id: 'image-runs-as-root',
  code: 'DA7001',
  aliases: ['CIS-DI-0001'],
  severity: 'warning',
  category: 'security',
  target: 'image',
  docs: {
    summary: 'The image runs its processes as root.',
    rationale:
      'A process running as root inside a container is root on the host if it escapes, and can change everything in the container. Run as an unprivileged user.',
    bad: 'FROM debian:12\nCMD ["app"]',
    good: 'FROM debian:12\nRUN useradd -u 10001 app\nUSER 10001\nCMD ["app"]',
  },
  messages: {
    default: 'the image runs as root (no USER instruction); add USER with an unprivileged user',
    explicit: 'the image runs as root (USER {user}); switch to an unprivileged user',
  },
  check({ model, report }) {
    const user = model.image.config.config.User;
    if (!isRootUser(user)) return;
    if (user && user.trim() !== '')
      report({ span: model.at.lastStep('USER'), messageId: 'explicit', data: { user } });
    else report({ span: model.at.image() });
  },
});
