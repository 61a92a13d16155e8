import type { RuleSettings } from '../../config/settings.js';
import { defineRule } from '../../core/rule.js';
import { originWords } from './lib/origin.js';
import type { ImageAnalysis } from './lib/types.js';

export default defineRule<ImageAnalysis, RuleSettings>({
  id: 'image-ssh-server',
  code: 'DA7012',
  aliases: [],
  severity: 'warning',
  category: 'security',
  target: 'image',
  docs: {
    summary: 'The image has an SSH server or exposes port 22.',
    rationale:
      'Containers are entered with `docker exec`; an SSH server adds keys to manage, a daemon to patch and a door to the network.',
    bad: 'RUN apt-get install -y openssh-server\nEXPOSE 22',
    good: '# no SSH server: use docker exec / kubectl exec',
  },
  messages: {
    default: 'the image has an SSH server ({path}, {origin})',
    port: 'the image exposes port 22 (SSH)',
  },
  check({ model, report }) {
    const { image, at } = model;
    const ssh = image.files.sshServer;
    if (ssh)
      report({ span: at.layer(ssh.layer), data: { path: ssh.path, origin: originWords(image, ssh.layer) } });
    const ports = Object.keys(image.config.config.ExposedPorts ?? {});
    if (ports.some((p) => p === '22' || p === '22/tcp'))
      report({
        span: at.lastStep('EXPOSE', (args) => /(^|[\s[])22(\/tcp)?\b/.test(args)),
        messageId: 'port',
      });
  },
});
