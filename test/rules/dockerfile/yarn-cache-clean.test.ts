import rule from '../../../src/rules/dockerfile/yarn-cache-clean.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { code: 'FROM node:22\nRUN yarn install --frozen-lockfile && yarn cache clean\n' },
    { code: 'FROM node:22\nRUN yarn && rm -rf /usr/local/share/.cache/yarn\n' },
    { code: 'FROM node:22\nRUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install\n' },
    { code: 'FROM node:22\nRUN yarn build\n' },
    {
      name: 'a builder stage only copied from',
      code: 'FROM node:22 AS build\nRUN yarn install\nFROM nginx\nCOPY --from=build /app/dist /usr/share/nginx/html\n',
    },
  ],
  invalid: [
    {
      code: 'FROM node:22\nRUN yarn install --frozen-lockfile\n',
      errors: [
        {
          line: 2,
          column: 5,
          endColumn: 17,
          message:
            'add `yarn cache clean` after `yarn install` in this RUN: the package cache stays in the layer',
        },
      ],
      output: 'FROM node:22\nRUN yarn install --frozen-lockfile && yarn cache clean\n',
    },
    {
      name: 'bare yarn and yarn global add; a clean before does not count',
      code: 'FROM node:22\nRUN yarn cache clean && yarn global add serve@14.2.4 && yarn\n',
      errors: [{ line: 2, column: 57, endColumn: 61, message: /`yarn install`/ }],
      output:
        'FROM node:22\nRUN yarn cache clean && yarn global add serve@14.2.4 && yarn && yarn cache clean\n',
    },
    {
      name: 'a stage built on',
      code: 'FROM node:22 AS deps\nRUN yarn install\nFROM deps\nRUN yarn build\n',
      errors: [{ line: 2, column: 5 }],
      output: 'FROM node:22 AS deps\nRUN yarn install && yarn cache clean\nFROM deps\nRUN yarn build\n',
    },
  ],
});
