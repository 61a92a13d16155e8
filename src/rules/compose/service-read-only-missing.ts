import { bool, pairOf } from '../../compose/model.js';
import { composeRule } from './lib/define.js';

export default composeRule({
  id: 'service-read-only-missing',
  code: 'DA5007',
  aliases: [],
  severity: 'info',
  category: 'security',
  enabledByDefault: false,
  docs: {
    summary: "A service's root filesystem is writable (`read_only: true` is not set).",
    rationale:
      'A read-only root filesystem stops an intruder from changing binaries or dropping tools in the container; the service writes only to its volumes and `tmpfs` mounts. Off by default: many images write to their own filesystem (caches, pid files) and need `tmpfs` entries first.',
    bad: 'services:\n  api:\n    image: example/api:3',
    good: 'services:\n  api:\n    image: example/api:3\n    read_only: true\n    tmpfs: [/tmp]',
  },
  messages: {
    default: 'service {service}: set `read_only: true` (with `tmpfs` for the paths it writes)',
    disabled: 'service {service}: `read_only: false` leaves the root filesystem writable',
  },
  check({ model, report }) {
    for (const service of model.services) {
      const p = pairOf(service.node, 'read_only');
      const value = p ? bool(p.value) : false;
      if (value === true) continue;
      if (p && value === false)
        report({ span: p.value.span, messageId: 'disabled', data: { service: service.name } });
      else if (!p) report({ span: service.keySpan, data: { service: service.name } });
    }
  },
});
