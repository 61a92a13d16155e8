import { items, knownText } from '../../compose/model.js';
import {
  capabilityName,
  DANGEROUS_CAPABILITIES,
  DEFAULT_CAPABILITIES,
  droppedCapabilities,
} from './lib/capabilities.js';
import { composeRule } from './lib/define.js';

export default composeRule({
  id: 'service-cap-add',
  code: 'DA5004',
  aliases: [],
  severity: 'warning',
  category: 'security',
  docs: {
    summary: 'A service adds Linux capabilities: a dangerous one, or any without first dropping them all.',
    rationale:
      'Capabilities such as SYS_ADMIN, NET_ADMIN or SYS_PTRACE let a container escape or reach far beyond itself. Other capabilities are added on top of the default set, which is already larger than most services need; least privilege is `cap_drop: [ALL]` plus the few `cap_add` the service needs. Dangerous capabilities are reported as warnings, others (when ALL is not dropped) as info; adding a capability the engine already gives every container (NET_BIND_SERVICE, NET_RAW, CHOWN…) changes nothing and is not reported.',
    bad: 'services:\n  vpn:\n    image: example/vpn:2\n    cap_add: [NET_ADMIN, SYS_ADMIN]',
    good: 'services:\n  web:\n    image: example/web:2\n    cap_drop: [ALL]\n    cap_add: [NET_BIND_SERVICE]',
  },
  messages: {
    dangerous: 'service {service}: `cap_add: {capability}` grants a capability that can control the host',
    notDropped:
      'service {service}: `cap_add: {capability}` adds to the default capability set; drop ALL first and add back only what is needed',
  },
  check({ model, report }) {
    for (const service of model.services) {
      const added = items(service.node.pairs.get('cap_add')?.value);
      if (added.length === 0) continue;
      const dropped = droppedCapabilities(service);
      const dropsAll = dropped.has('ALL');
      for (const node of added) {
        const value = knownText(node);
        if (value === null) continue;
        const capability = capabilityName(value);
        const data = { service: service.name, capability };
        if (DANGEROUS_CAPABILITIES.has(capability)) report({ span: node.span, messageId: 'dangerous', data });
        // Adding a capability of the default set changes nothing unless it was dropped.
        else if (!dropsAll && !DEFAULT_CAPABILITIES.has(capability))
          report({ span: node.span, messageId: 'notDropped', data, severity: 'info' });
      }
    }
  },
});
