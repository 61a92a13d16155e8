import rule from '../../../src/rules/dockerfile/install-ignores-lockfile.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { code: 'FROM node:22\nCOPY package.json package-lock.json ./\nRUN npm ci\n' },
    { code: 'FROM node:22\nCOPY package.json ./\nRUN npm install\n', name: 'no lockfile copied' },
    { code: 'FROM node:22\nCOPY . .\nRUN npm install\n', name: 'unknown without the build context' },
    {
      code: 'FROM node:22\nCOPY package*.json ./\nRUN npm install -g serve@14.2.4 && npm install express@4.21.1\n',
    },
    {
      code: 'FROM node:22\nCOPY package.json yarn.lock ./\nRUN yarn install --frozen-lockfile && yarn --immutable\n',
    },
    { code: 'FROM node:22\nCOPY pnpm-lock.yaml package.json ./\nRUN pnpm install --frozen-lockfile\n' },
    {
      code: 'FROM node:22\nCOPY --from=deps /app/package-lock.json ./\nRUN npm install\n',
      name: 'from another stage',
    },
  ],
  invalid: [
    {
      name: 'seed 000: package-lock.json* pattern',
      code: 'FROM node:20-slim AS builder\nWORKDIR /app\nCOPY package.json package-lock.json* ./\nRUN npm install\n',
      errors: [
        {
          line: 4,
          column: 5,
          endColumn: 16,
          message:
            'use `npm ci` instead of `npm install`: the copied package-lock.json (line 3) is otherwise re-resolved',
        },
      ],
      output:
        'FROM node:20-slim AS builder\nWORKDIR /app\nCOPY package.json package-lock.json* ./\nRUN npm ci\n',
    },
    {
      name: 'npm i after package*.json, in a stage built on the one that copied it',
      code: 'FROM node:22 AS deps\nCOPY ["package*.json", "./"]\nFROM deps\nRUN npm i --omit=dev\n',
      errors: [{ line: 4, column: 5, endColumn: 10 }],
      output: 'FROM node:22 AS deps\nCOPY ["package*.json", "./"]\nFROM deps\nRUN npm ci --omit=dev\n',
    },
    {
      name: 'bare yarn and pnpm install',
      code: 'FROM node:22\nCOPY package.json yarn.lock pnpm-lock.yaml ./\nRUN yarn && pnpm install\n',
      errors: [
        {
          line: 3,
          column: 5,
          endColumn: 9,
          message: 'add --frozen-lockfile to `yarn`: the copied yarn.lock (line 2) is otherwise re-resolved',
        },
        { line: 3, column: 13, endColumn: 25, message: /`pnpm install`: the copied pnpm-lock.yaml/ },
      ],
      output:
        'FROM node:22\nCOPY package.json yarn.lock pnpm-lock.yaml ./\nRUN yarn --frozen-lockfile && pnpm install --frozen-lockfile\n',
    },
  ],
});
