import { get, knownText } from '../../compose/model.js';
import { composeRule } from './lib/define.js';
import { hasHealthcheck } from './lib/health.js';

export default composeRule({
  id: 'service-depends-on-without-healthy-condition',
  code: 'DA5019',
  aliases: [],
  severity: 'info',
  category: 'reliability',
  docs: {
    summary: '`depends_on` waits only for a dependency to start although the dependency has a health check.',
    rationale:
      "A short `depends_on` (or `condition: service_started`) starts the service as soon as the dependency's container exists, before a database accepts connections; the service then fails or races at start. When the dependency has a health check, `condition: service_healthy` waits until it passes.",
    bad: 'services:\n  api:\n    image: example/api:3\n    depends_on: [db]\n  db:\n    image: postgres:16\n    healthcheck:\n      test: ["CMD", "pg_isready"]',
    good: 'services:\n  api:\n    image: example/api:3\n    depends_on:\n      db:\n        condition: service_healthy\n  db:\n    image: postgres:16\n    healthcheck:\n      test: ["CMD", "pg_isready"]',
  },
  messages: {
    default:
      'service {service}: depends on {dependency}, which has a healthcheck; use `condition: service_healthy`',
  },
  check({ model, report }) {
    for (const service of model.services) {
      const deps = get(service.node, 'depends_on');
      if (deps?.kind !== 'map') continue;
      for (const [name, p] of deps.pairs) {
        const condition = knownText(get(p.value, 'condition')) ?? 'service_started';
        if (condition !== 'service_started') continue;
        const dependency = model.allServices.get(name);
        if (dependency && hasHealthcheck(dependency))
          report({ span: p.keySpan, data: { service: service.name, dependency: name } });
      }
    }
  },
});
