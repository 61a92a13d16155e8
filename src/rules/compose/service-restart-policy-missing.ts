import { get } from '../../compose/model.js';
import { composeRule } from './lib/define.js';

export default composeRule({
  id: 'service-restart-policy-missing',
  code: 'DA5015',
  aliases: [],
  severity: 'info',
  category: 'reliability',
  docs: {
    summary: 'A service has no restart policy (`restart` or `deploy.restart_policy`).',
    rationale:
      'Without a restart policy a crashed container stays down, and nothing starts the service again after the host or the engine restarts. Use `restart: unless-stopped` (or `always`, `on-failure`); a one-shot job says so with `restart: "no"`, which is not reported.',
    bad: 'services:\n  api:\n    image: example/api:3',
    good: 'services:\n  api:\n    image: example/api:3\n    restart: unless-stopped',
  },
  messages: { default: 'service {service}: no restart policy' },
  check({ model, report }) {
    for (const service of model.services) {
      if (service.node.pairs.has('restart')) continue;
      if (get(get(service.node, 'deploy'), 'restart_policy')) continue;
      report({ span: service.keySpan, data: { service: service.name } });
    }
  },
});
