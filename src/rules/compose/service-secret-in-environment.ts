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
      "A value written in the compose file is in the repository's history for good, and an environment variable is visible to anyone who can run `docker inspect` and to every process of the container; build arguments are also kept in the image history. Use `secrets:` (files under /run/secrets, with the image's `*_FILE` variables), or at least take the value from the environment (`${DB_PASSWORD:?}`) instead of the file. Secrets are recognised by the shared detector (token formats, passwords in URLs and connection strings, values of secret-named variables; placeholders such as `changeme` are not reported). Known token formats are reported as errors, weak evidence as info. Values are never shown in reports.",
    bad: 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: hunter2',
    good: 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD_FILE: /run/secrets/db_password\n    secrets: [db_password]\nsecrets:\n  db_password:\n    file: ./secrets/db_password.txt',
  },
  messages: {
    named: 'service {service}: {name} holds a secret written in the file; use `secrets:`',
    url: 'service {service}: {name} holds a URL with a password written in the file; use `secrets:`',
    'connection-string':
      'service {service}: {name} holds a connection string with a password written in the file; use `secrets:`',
    token: 'service {service}: {name} holds a {description} written in the file; use `secrets:`',
  },
  check({ model, report }) {
    for (const service of model.services)
      for (const s of serviceSecrets(service.node)) {
        const { kind, description, confidence } = s.evidence;
        report({
          span: s.keySpan,
          messageId: kind,
          data: { service: service.name, name: s.name, description },
          // A known token format is certain; a default account in a URL, or a weak name, less so.
          ...(confidence === 'high'
            ? { severity: 'error' as const }
            : confidence === 'low'
              ? { severity: 'info' as const }
              : {}),
        });
      }
  },
});
