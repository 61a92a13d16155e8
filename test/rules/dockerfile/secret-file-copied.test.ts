import rule from '../../../src/rules/dockerfile/secret-file-copied.js';
import { testRule } from '../../helpers/rule-tester.js';
import { FAKE } from '../../secrets/tokens.js';

testRule(rule, {
  valid: [
    { code: 'FROM x\nCOPY package.json package-lock.json ./\nCOPY . .\n' },
    { code: 'FROM x\nCOPY .env.example /app/.env.example\n' },
    { code: 'FROM x\nCOPY id_rsa.pub /root/.ssh/authorized_keys\n', name: 'a public key' },
    { code: 'FROM x\nCOPY certs/fullchain.pem /etc/nginx/certs/\n', name: 'a certificate' },
    {
      code: 'FROM x\nCOPY <<EOF /root/.npmrc\nregistry=https://registry.npmjs.org/\nEOF\n',
      name: 'npmrc without a token',
    },
    { code: 'FROM x\nADD https://example.com/a.pem /etc/a.pem\n', name: 'a URL' },
    { code: 'FROM x\nCOPY .env.example /app/.env\n', name: 'a template copied as .env' },
    { code: 'FROM x\nCOPY dhparams.pem RootCA-G2.pem /etc/nginx/\n', name: 'DH parameters and a CA' },
    { code: 'FROM x\nCOPY yarn/pubkey.gpg release.tar.xz.asc /tmp/\n', name: 'public keys and signatures' },
  ],
  invalid: [
    {
      code: 'FROM x\nCOPY id_rsa /root/.ssh/id_rsa\n',
      errors: [
        {
          line: 2,
          column: 6,
          endColumn: 12,
          severity: 'error',
          message:
            'COPY copies id_rsa (SSH private key) into a layer, where it stays for good: use RUN --mount=type=secret for the build and run-time secrets for the container',
        },
      ],
    },
    {
      code: 'FROM node:20\nCOPY .npmrc .env /app/\n',
      errors: [
        {
          line: 2,
          column: 6,
          severity: 'warning',
          message: /^COPY copies \.npmrc \(.*\), which often holds credentials/,
        },
        { line: 2, column: 13, severity: 'error' },
      ],
    },
    { code: 'FROM x\nCOPY .ssh /root/.ssh\n', errors: [{ line: 2, column: 6, message: /SSH keys folder/ }] },
    {
      code: 'FROM x\nADD config/kubeconfig /root/.kube/config\n',
      errors: [{ line: 2, column: 5, message: /Kubernetes/ }],
    },
    { code: 'FROM x\nCOPY --from=build /root/.git-credentials /root/\n', errors: [{ line: 2, column: 19 }] },
    {
      code: 'FROM x\nCOPY aws.txt /root/.aws/credentials\n',
      errors: [{ line: 2, column: 14, message: /AWS credentials/ }],
    },
    {
      name: 'a heredoc whose content holds a token',
      code: `FROM x\nCOPY <<EOF /root/.npmrc\n//registry.npmjs.org/:_authToken=${FAKE.npm}\nEOF\n`,
      errors: [{ line: 2, column: 12, severity: 'error' }],
    },
    {
      code: 'FROM nginx\nCOPY ssl/server.key /etc/nginx/ssl/\n',
      errors: [{ line: 2, column: 6, message: /private key/ }],
    },
  ],
});
