import rule from '../../../src/rules/dockerfile/secret-arg-env-name.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { code: 'FROM x\nARG VERSION=1.2\nENV NODE_ENV=production\n' },
    { code: 'FROM x\nENV POSTGRES_PASSWORD_FILE=/run/secrets/db\n', name: '*_FILE' },
    { code: 'FROM x\nENV VAULT_TOKEN_PATH=/var/run/token TOKEN_URL=https://auth.example.com/token\n' },
    { code: 'FROM x\nENV PASSWORD_LENGTH=12 PASSWORD_MIN_LENGTH=8\n' },
    {
      code: 'FROM python:3.12\nENV GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D\n',
      name: 'GPG key fingerprint',
    },
    { code: 'FROM x\nENV GPG_KEYS="B42F6819007F00F88E364FD4036A9C25BF357DD4"\n' },
    { code: 'FROM x\nENV PUBLIC_KEY=ssh-ed25519\nARG DB_USERNAME=app\n', name: 'public key, username' },
    {
      code: 'FROM x\nENV MYSQL_ALLOW_EMPTY_PASSWORD=yes MYSQL_RANDOM_ROOT_PASSWORD=true\n',
      name: 'settings',
    },
    { code: 'FROM x\nENV GITHUB_TOKEN=""\n', name: 'empty ENV' },
    { code: 'FROM x\nENV ROOT_PASSWORD=**ChangeMe** API_TOKEN=<token>\n', name: 'placeholders' },
    { code: 'FROM x\nENV GOOGLE_APPLICATION_CREDENTIALS=/secrets/key.json\n', name: 'a path' },
    { code: 'FROM x\nENV AUTH_METHOD=oauth KEY=value\n', name: 'weak names alone' },
  ],
  invalid: [
    {
      code: 'ARG AWS_ACCESS_KEY_ID\nFROM debian:bookworm\nRUN foobar\n',
      errors: [
        {
          line: 1,
          column: 5,
          endColumn: 22,
          message:
            'ARG AWS_ACCESS_KEY_ID looks like a secret: build arguments are kept in the image history; use RUN --mount=type=secret instead',
        },
      ],
    },
    { code: 'FROM x\nARG openai_api_key\n', errors: [{ line: 2, column: 5 }] },
    { code: 'FROM x\nENV AWS_ACCESS_KEY_ID=abcdefghijklmnopqrstuvwxyz\n', errors: [{ line: 2, column: 5 }] },
    {
      code: 'FROM x\nENV my_password=abcdefghijklmnopqrstuvwxyz\n',
      errors: [{ line: 2, column: 5, endColumn: 16, message: /^ENV my_password looks like a secret/ }],
    },
    {
      name: 'ENV copying a build argument',
      code: 'FROM x\nARG NPM_TOKEN\nENV NPM_TOKEN=${NPM_TOKEN}\n',
      errors: [
        { line: 2, column: 5 },
        { line: 3, column: 5 },
      ],
    },
    { code: 'FROM x\nENV DB_PASSWORD admin\n', errors: [{ line: 2, column: 5 }] },
    { code: 'FROM x\nONBUILD ARG GH_TOKEN\n', errors: [{ line: 2, column: 13 }] },
    { code: 'FROM x\nENV APP=1 SECRET_KEY_BASE=d41d8cd98f00b204\n', errors: [{ line: 2, column: 11 }] },
  ],
});
