import rule from '../../../src/rules/dockerfile/final-inherits-secret.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    {
      code: 'FROM node:20 AS build\nARG NPM_TOKEN\nRUN npm ci\nFROM node:20-slim\nCOPY --from=build /app /app\n',
      name: 'clean base',
    },
    { code: 'FROM node:20 AS base\nENV NODE_ENV=production\nFROM base\nCMD ["node", "s.js"]\n' },
    {
      code: 'FROM node:20 AS base\nARG NPM_TOKEN\nFROM base\nRUN npm ci\n',
      name: 'ARG not used by a RUN of that stage',
    },
    { code: 'FROM alpine AS base\nENV API_TOKEN=<token>\nFROM base\n', name: 'placeholder' },
  ],
  invalid: [
    {
      code: 'FROM node:20 AS build\nARG NPM_TOKEN\nRUN npm ci\nFROM build\nCMD ["node", "server.js"]\n',
      errors: [
        {
          line: 4,
          column: 6,
          endColumn: 11,
          message:
            'the final image inherits the layers of stage build, whose history records build argument NPM_TOKEN (used by a RUN there); start from a clean base and use RUN --mount=type=secret',
        },
      ],
    },
    {
      code: 'FROM python:3.12 AS base\nENV DB_PASSWORD=hunter2x\nFROM base AS app\nRUN x\nFROM app\n',
      errors: [{ line: 5, column: 6, message: /^the final image inherits ENV DB_PASSWORD from stage base/ }],
    },
  ],
});
