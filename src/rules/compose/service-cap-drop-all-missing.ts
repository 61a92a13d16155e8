import { dropsAll } from './lib/capabilities.js';
import { composeRule } from './lib/define.js';

export default composeRule({
  id: 'service-cap-drop-all-missing',
  code: 'DA5005',
  aliases: [],
  severity: 'info',
  category: 'security',
  enabledByDefault: false,
  docs: {
    summary:
      'A service keeps the default Linux capabilities instead of dropping them all (`cap_drop: [ALL]`).',
    rationale:
      'The engine gives every container about fourteen capabilities (CHOWN, SETUID, NET_RAW…). Most services need none or one of them; dropping ALL and adding back what is needed limits what an attacker can do inside the container. Off by default: it concerns nearly every service, and images that change users at start (postgres, redis) need SETUID/SETGID/CHOWN back.',
    bad: 'services:\n  api:\n    image: example/api:3',
    good: 'services:\n  api:\n    image: example/api:3\n    cap_drop: [ALL]',
  },
  messages: { default: 'service {service}: add `cap_drop: [ALL]` (and `cap_add` only what it needs)' },
  check({ model, report }) {
    for (const service of model.services)
      if (!dropsAll(service)) report({ span: service.keySpan, data: { service: service.name } });
  },
});
