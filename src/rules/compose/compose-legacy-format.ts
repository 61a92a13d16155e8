import { composeRule } from './lib/define.js';

export default composeRule({
  id: 'compose-legacy-format',
  code: 'DA5021',
  aliases: [],
  severity: 'warning',
  category: 'correctness',
  docs: {
    summary: 'Services are defined at the top level (Compose file format v1), without `services:`.',
    rationale:
      'The v1 format was removed with docker-compose v1; `docker compose` rejects such files. Move the services under a top-level `services:` key (and links, volumes_from… to their current forms). dockaudit still checks the services it finds.',
    bad: 'web:\n  image: nginx:1.27',
    good: 'services:\n  web:\n    image: nginx:1.27',
  },
  messages: {
    default:
      'services at the top level (format v1) are not read by `docker compose`; put them under `services:`',
  },
  check({ model, report }) {
    for (const p of model.problems) if (p.kind === 'legacy-format') report({ span: p.span });
  },
});
