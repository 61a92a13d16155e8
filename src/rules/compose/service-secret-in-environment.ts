import { serviceSecrets } from '../../compose/secrets.js';
import { composeRule } from './lib/define.js';

export default composeRule({
  id: 'service-secret-in-environment',
  code: 'DA5017',
  aliases: [],
  severity: 'warning',
  category: 'security',
  docs: {
    summary: 'A secret (password, token, key) is written as a plain value in `environment` or `build.args`.',
    rationale:
      "A value written in the compose file is in the repository's history for good, and an environment variable is visible to anyone who can run `docker inspect` and to every process of the container; build arguments are also kept in the image history. Use `secrets:` (files under /run/secrets, with the image's `*_FILE` variables), or at least take the value from the environment (`${DB_PASSWORD:?}`) instead of the file. Values are never shown in reports.",
    bad: 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: hunter2',
    good: 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD_FILE: /run/secrets/db_password\n    secrets: [db_password]\nsecrets:\n  db_password:\n    file: ./secrets/db_password.txt',
  },
  messages: {
    'key-name': 'service {service}: {name} holds a secret written in the file; use `secrets:`',
    'url-credentials':
      'service {service}: {name} holds a URL with a password written in the file; use `secrets:`',
    'connection-string':
      'service {service}: {name} holds a connection string with a password written in the file; use `secrets:`',
  },
  check({ model, report }) {
    for (const service of model.services)
      for (const s of serviceSecrets(service.node))
        report({ span: s.keySpan, messageId: s.evidence, data: { service: service.name, name: s.name } });
  },
});
