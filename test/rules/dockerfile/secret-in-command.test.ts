import { expect, it } from 'vitest';
import rule from '../../../src/rules/dockerfile/secret-in-command.js';
import { lintWith, testRule } from '../../helpers/rule-tester.js';
import { FAKE } from '../../secrets/tokens.js';

testRule(rule, {
  valid: [
    { code: 'FROM x\nRUN --mount=type=secret,id=pw mysql -p"$(cat /run/secrets/pw)" -e "select 1"\n' },
    { code: 'FROM x\nRUN echo "$DOCKER_PASSWORD" | docker login -u me --password-stdin\n' },
    { code: 'FROM x\nRUN docker run -p 8080:80 nginx\n', name: '-p is a port outside login' },
    { code: 'FROM x\nRUN mysql --password mydb\n', name: 'mysql --password prompts' },
    { code: 'FROM x\nRUN curl -u "$USER:$PASS" https://x\n' },
    { code: 'FROM x\nRUN keytool -import -storepass changeit -file ca.crt\n', name: 'published default' },
    { code: 'FROM x\nRUN svn --username public --password public export https://svn.example.org/x\n' },
    { code: 'FROM x\nRUN ffmpeg -pass 1 -i in.mp4 out.mp4\n' },
    { code: 'FROM x\nRUN docker build --secret id=npm,src=/root/.npmrc .\n' },
    { code: 'FROM x\nRUN sshpass -p "$PW" ssh-copy-id -p 10022 u@host\n', name: 'ssh-copy-id -p is a port' },
    { code: 'FROM x\nRUN echo "root:$ROOT_PW" | chpasswd\n' },
  ],
  invalid: [
    {
      code: 'FROM x\nRUN curl -fsSL -u deploy:Tr0ub4dor-3x https://repo.example.com/a.tgz\n',
      errors: [
        {
          line: 2,
          column: 26,
          endColumn: 38,
          message:
            'curl -u passes a password (T…) on the command line, which stays in the image history: use RUN --mount=type=secret and read it from /run/secrets',
        },
      ],
    },
    {
      code: 'FROM x\nRUN mysql -uroot -pS3cretRoot -e "create database app"\n',
      errors: [{ line: 2, column: 20 }],
    },
    {
      code: 'FROM x\nRUN docker login -u me -p Sup3rS3cret registry.example.com\n',
      errors: [{ line: 2, column: 27 }],
    },
    { code: 'FROM x\nRUN app-init --admin-password=Adm1nPass!\n', errors: [{ line: 2, column: 31 }] },
    {
      code: 'FROM x\nRUN aws configure set aws_secret_access_key wJalrXUtnFEMIK7MDENGbPxRfiCYzz1234\n',
      errors: [{ line: 2, column: 45 }],
    },
    {
      code: `FROM x\nRUN npm config set //registry.npmjs.org/:_authToken=${FAKE.npm}\n`,
      errors: [{ line: 2, column: 53 }],
    },
    {
      name: 'a token in a URL',
      code: `FROM x\nRUN git clone https://${FAKE.github}@github.com/acme/private.git\n`,
      errors: [{ line: 2, column: 23, severity: 'error', message: /GitHub token/ }],
    },
    {
      code: 'FROM x\nRUN pip install --index-url https://ci:Zq8pass77@pypi.example.com/simple app\n',
      errors: [{ line: 2, column: 40 }],
    },
    {
      code: "FROM x\nRUN useradd -m dev && echo 'dev:dev-passw0rd' | chpasswd\n",
      errors: [
        {
          line: 2,
          column: 33,
          message:
            'an account password (d…) is set from a literal with `chpasswd`: anyone with the image can log in; set it at run time or lock the account',
        },
      ],
    },
    { code: 'FROM x\nRUN sshpass -p Sup3rS3cret ssh u@h true\n', errors: [{ line: 2, column: 16 }] },
    { code: 'FROM x\nCMD ["app", "--token", "Zq8Lm3Xv7Tb2Nk9P"]\n', errors: [{ line: 2, column: 25 }] },
    { code: 'FROM x\nRUN redis-cli -a R3disPass! ping\n', errors: [{ line: 2, column: 18 }] },
    {
      code: "FROM x\nRUN echo 'Sup3rS3cret' | docker login -u me --password-stdin r.example.com\n",
      errors: [{ line: 2, column: 11 }],
    },
    {
      code: 'FROM x\nRUN oc login -u dev -p Dev3lop3r! https://api.example.com:6443\n',
      errors: [{ line: 2, column: 24 }],
    },
    {
      code: 'FROM x\nRUN htpasswd -cb /etc/nginx/.htpasswd admin p4ssw0rd-x\n',
      errors: [{ line: 2, column: 45 }],
    },
  ],
});

it('never puts the value in a message', () => {
  const { findings } = lintWith(rule, 'FROM x\nRUN mysql -pVery-Secret-Value\n');
  expect(findings).toHaveLength(1);
  expect(findings[0]!.message).not.toContain('Secret-Value');
});
