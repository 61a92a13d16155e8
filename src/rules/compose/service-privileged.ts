import { bool, pairOf } from '../../compose/model.js';
import { composeRule } from './lib/define.js';

export default composeRule({
  id: 'service-privileged',
  code: 'DA5003',
  aliases: [],
  severity: 'error',
  category: 'security',
  docs: {
    summary: 'A service runs privileged.',
    rationale:
      '`privileged: true` gives the container every capability, every host device and no seccomp or AppArmor confinement: root in it is root on the host. Grant the one capability or device the service needs instead (`cap_add`, `devices`).',
    bad: 'services:\n  agent:\n    image: example/agent:1.2\n    privileged: true',
    good: 'services:\n  agent:\n    image: example/agent:1.2\n    cap_add: [NET_ADMIN]',
  },
  messages: { default: 'service {service}: `privileged: true` gives the container full control of the host' },
  check({ model, report }) {
    for (const service of model.services) {
      const p = pairOf(service.node, 'privileged');
      if (p && bool(p.value) === true) report({ span: p.value.span, data: { service: service.name } });
    }
  },
});
