import rule from '../../../src/rules/dockerfile/unused-stage.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { code: 'FROM node:20\nRUN x\n' },
    { code: 'FROM node:20 AS build\nRUN x\nFROM nginx\nCOPY --from=build /a /a\n' },
    {
      code: 'FROM node:20 AS base\nFROM base AS build\nRUN x\nFROM nginx\nCOPY --from=build /a /a\n',
      name: 'used through another stage',
    },
    {
      code: 'FROM alpine AS src\nFROM alpine\nRUN --mount=from=src,target=/s cp /s/a /a\n',
      name: 'used by a mount',
    },
    { code: 'FROM alpine\nRUN x\nFROM alpine\nCOPY --from=0 /x /x\n', name: 'by index' },
  ],
  invalid: [
    {
      code: 'FROM node:20 AS deps\nRUN npm ci\nFROM node:20 AS test\nRUN npm test\nFROM node:20\nCOPY --from=deps /n /n\n',
      errors: [
        {
          line: 3,
          column: 17,
          endColumn: 21,
          message:
            'stage "test" is not used by the final stage: BuildKit skips it; remove it or build it on purpose with --target',
          severity: 'info',
        },
      ],
    },
    {
      code: 'FROM alpine\nRUN x\nFROM debian\nRUN y\n',
      errors: [{ line: 1, column: 6, message: /^stage #0 / }],
    },
  ],
});
