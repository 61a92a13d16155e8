import rule from '../../../src/rules/dockerfile/secret-deleted-later.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    {
      code: 'FROM x\nCOPY app.tar.gz /tmp/\nRUN tar xzf /tmp/app.tar.gz && rm /tmp/app.tar.gz\n',
      name: 'not a secret',
    },
    {
      code: 'FROM x\nARG NPM_TOKEN\nRUN echo "//r/:_authToken=$NPM_TOKEN" > .npmrc && npm ci && rm .npmrc\n',
      name: 'written and removed in one RUN',
    },
    { code: 'FROM x\nCOPY id_rsa /root/.ssh/id_rsa\nRUN rm /root/.ssh/known_hosts\n' },
    { code: 'FROM x AS a\nCOPY id_rsa /id_rsa\nFROM x\nRUN rm -f /id_rsa\n', name: 'another image' },
    {
      code: 'FROM x\nADD https://dl.example.org/Release.key /r.key\nRUN apt-key add /r.key && rm /r.key\n',
      name: 'a public download',
    },
    { code: 'FROM x\nRUN echo "GOOS=linux" > /tmp/.env\nRUN rm -rf /tmp/*\n', name: 'literal text' },
    {
      code: 'FROM x\nCOPY scripts/*.sh scripts/meta.env /tmp/s/\nRUN rm -rf /tmp/s\n',
      name: 'cleanup of a folder',
    },
  ],
  invalid: [
    {
      name: 'seed 002: the key is still in the COPY layer',
      code: 'FROM ubuntu:22.04\nCOPY secret.key /tmp/secret.key\nRUN process_secret /tmp/secret.key\nRUN rm /tmp/secret.key\n',
      errors: [
        {
          line: 4,
          column: 8,
          endColumn: 23,
          message:
            '`rm` does not remove secret.key: it is still in the layer of line 2 (COPY); use RUN --mount=type=secret (or --mount=type=ssh) so it never enters a layer',
        },
      ],
    },
    {
      name: 'folder removed, relative paths',
      code: 'FROM x\nWORKDIR /root\nCOPY id_rsa .ssh/\nRUN git clone git@h:r.git && rm -rf .ssh\n',
      errors: [{ line: 4, column: 37 }],
    },
    {
      name: 'a file written by a RUN and removed by another',
      code: 'FROM node:20\nRUN echo "//registry.npmjs.org/:_authToken=${T}" > /root/.npmrc\nRUN npm ci\nRUN rm -f /root/.npmrc\n',
      errors: [{ line: 4, column: 11, message: /layer of line 2 \(RUN\)/ }],
    },
    {
      name: 'globs and inherited stages',
      code: 'FROM x AS base\nCOPY keys/server.key /etc/ssl/\nFROM base\nRUN rm /etc/ssl/*.key\n',
      errors: [{ line: 4, column: 8 }],
    },
  ],
});
