import { composeRule } from './lib/define.js';
import { hostMounts, sensitiveHostPath } from './lib/mounts.js';

export default composeRule({
  id: 'service-sensitive-host-mount',
  code: 'DA5009',
  aliases: [],
  severity: 'warning',
  category: 'security',
  docs: {
    summary:
      'A service mounts a sensitive host path: a system folder, /proc, /sys, /dev, credentials or keys.',
    rationale:
      "A bind mount of `/`, `/etc`, `/root`, `/proc`, `/sys`, `/dev`, the engine's data or a user's `.ssh`/`.aws`/`.kube` lets the container read secrets of the host or change it. Mount only the files the service needs, read-only. Read-only mounts are reported as info (monitoring agents read /proc and /sys on purpose); time zone and name resolution files are not reported.",
    bad: 'services:\n  backup:\n    image: example/backup:1\n    volumes:\n      - /:/host',
    good: 'services:\n  backup:\n    image: example/backup:1\n    volumes:\n      - ./data:/data:ro',
  },
  messages: {
    default: "service {service}: mounts the host's {source} read-write",
    readOnly: "service {service}: mounts the host's {source} (read-only)",
  },
  check({ model, report }) {
    for (const service of model.services)
      for (const m of hostMounts(service)) {
        if (m.source === null || !sensitiveHostPath(m.source)) continue;
        const data = { service: service.name, source: m.source };
        if (m.readOnly) report({ span: m.node.span, messageId: 'readOnly', data, severity: 'info' });
        else report({ span: m.node.span, data });
      }
  },
});
