import { expect, it } from 'vitest';
import rule from '../../../src/rules/dockerfile/secret-value.js';
import { lintWith, testRule } from '../../helpers/rule-tester.js';
import { FAKE } from '../../secrets/tokens.js';

testRule(rule, {
  valid: [
    { code: 'FROM x\nENV NODE_VERSION=20.11.1 YARN_VERSION=1.22.19\n' },
    {
      code: 'FROM x\nENV PYTHON_SHA256=8fb5f9fbc7609fa822cb31549884575db7fd9657cbffb89510b5d7975963a83a\n',
      name: 'checksums',
    },
    { code: 'FROM x\nENV GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D\n' },
    { code: 'FROM x\nENV DB_PASSWORD=${DB_PASSWORD} API_KEY=changeme\n', name: 'reference and placeholder' },
    {
      code: 'FROM x\nENV POWERSHELL_DISTRIBUTION_CHANNEL=PSDocker-arm64v7-AzureLinux-3\n',
      name: 'identifier',
    },
    { code: 'FROM x\nENV DATABASE_URL=postgres://db:5432/app\n', name: 'URL without password' },
    {
      code: `FROM x\nLABEL description="hard-coded PASSWORD=hunter22 in text"\n`,
      name: 'labels: formats only',
    },
  ],
  invalid: [
    {
      code: `FROM x\nENV GITHUB_TOKEN=${FAKE.github}\n`,
      errors: [
        {
          line: 2,
          column: 18,
          endColumn: 18 + FAKE.github.length,
          message: /^ENV GITHUB_TOKEN holds a GitHub token \(ghp_\S+\): it is stored in the image/,
          severity: 'error',
        },
      ],
    },
    {
      code: `FROM x\nARG AWS_SECRET_ACCESS_KEY=${FAKE.awsSecret}\n`,
      errors: [{ line: 2, column: 27, severity: 'error' }],
    },
    {
      name: 'a password in a URL, a hard-coded password',
      code: 'FROM x\nENV REDIS_URL=redis://app:Zx81-long-pass@cache:6379 DB_PASSWORD=hunter2x\n',
      errors: [
        { line: 2, column: 15, message: /holds a password in a URL/ },
        { line: 2, column: 65, message: /^ENV DB_PASSWORD holds a hard-coded value/ },
      ],
    },
    {
      name: 'a private key in a heredoc',
      code: `FROM x\nCOPY <<EOF /root/.ssh/id_rsa\n${FAKE.privateKey}\nEOF\n`,
      errors: [{ line: 3, column: 1, message: /^the heredoc of COPY holds a private key/ }],
    },
    { code: `FROM x\nLABEL token="${FAKE.slackBot}"\n`, errors: [{ line: 2, column: 13 }] },
    {
      name: 'random-looking value of a neutral name is a warning',
      code: 'FROM x\nENV LICENSE=Qm9vT2xkUjJ4ZkRkM3pLcDlYcDQ3\n',
      errors: [{ line: 2, column: 13, severity: 'warning', message: /random-looking value/ }],
    },
  ],
});

it('never puts the value in a message', () => {
  const { findings } = lintWith(rule, `FROM x\nENV TOKEN=${FAKE.github}\nENV STRIPE=${FAKE.stripeLive}\n`);
  expect(findings).toHaveLength(2);
  for (const f of findings) {
    expect(f.message).not.toContain(FAKE.github.slice(4));
    expect(f.message).not.toContain(FAKE.stripeLive.slice(8));
  }
});
