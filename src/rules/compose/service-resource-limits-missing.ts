import { getPath } from '../../compose/model.js';
import { composeRule } from './lib/define.js';

export default composeRule({
  id: 'service-resource-limits-missing',
  code: 'DA5016',
  aliases: [],
  severity: 'info',
  category: 'reliability',
  docs: {
    summary: 'A service has no memory or no CPU limit (`mem_limit`/`cpus` or `deploy.resources.limits`).',
    rationale:
      "A service without limits can take all the host's memory or CPU: one leak or loop then stops every other service (and the OOM killer may pick the wrong process). Set `mem_limit` and `cpus` (or `deploy.resources.limits.memory` and `.cpus`).",
    bad: 'services:\n  api:\n    image: example/api:3',
    good: 'services:\n  api:\n    image: example/api:3\n    mem_limit: 512m\n    cpus: 0.5',
  },
  messages: { default: 'service {service}: no {missing} limit' },
  check({ model, report }) {
    for (const service of model.services) {
      const node = service.node;
      const limits = getPath(node, 'deploy', 'resources', 'limits');
      const memory = node.pairs.has('mem_limit') || getPath(limits, 'memory') !== null;
      const cpu =
        node.pairs.has('cpus') ||
        node.pairs.has('cpu_quota') ||
        node.pairs.has('cpuset') ||
        getPath(limits, 'cpus') !== null;
      if (memory && cpu) continue;
      const missing = !memory && !cpu ? 'memory or CPU' : !memory ? 'memory' : 'CPU';
      report({ span: service.keySpan, data: { service: service.name, missing } });
    }
  },
});
