import { composeRule } from './lib/define.js';
import { healthOf } from './lib/health.js';

export default composeRule({
  id: 'service-healthcheck-missing',
  code: 'DA5014',
  aliases: [],
  severity: 'info',
  category: 'reliability',
  docs: {
    summary: 'A service has no health check (none in the compose file, none in the Dockerfile it builds).',
    rationale:
      'Without a health check the engine only knows that the process exists: a hung server stays "up", `depends_on` cannot wait for readiness, and restarts never happen. Add a `healthcheck` whose test uses a tool the image has (for a Python image, `python -c "import urllib.request; …"` instead of installing curl). A check turned off on purpose (`disable: true`) is not reported.',
    bad: 'services:\n  api:\n    image: example/api:3',
    good: 'services:\n  api:\n    image: example/api:3\n    healthcheck:\n      test: ["CMD", "python", "-c", "import urllib.request; urllib.request.urlopen(\'http://localhost:8000/health\')"]\n      interval: 30s\n      timeout: 10s\n      retries: 3',
  },
  messages: { default: 'service {service}: no healthcheck' },
  check({ model, report }) {
    for (const service of model.services)
      if (healthOf(service) === 'none') report({ span: service.keySpan, data: { service: service.name } });
  },
});
