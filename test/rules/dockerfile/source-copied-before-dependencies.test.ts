import rule from '../../../src/rules/dockerfile/source-copied-before-dependencies.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    {
      name: 'seed 001: manifests first',
      code: 'FROM python:3.12\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY . .\nRUN pip install --no-cache-dir .\n',
    },
    {
      code: 'FROM node:22\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build && npm ci --omit=dev\n',
      name: 'installed before',
    },
    { code: 'FROM golang:1.23\nCOPY . .\nRUN go build -o /app .\n', name: 'no dependency install' },
    { code: 'FROM node:22\nCOPY src/ ./src/\nRUN npm ci\n', name: 'not the whole context' },
    {
      code: 'FROM node:22 AS b\nCOPY . .\nFROM node:22\nCOPY --from=b /x .\nRUN npm ci\n',
      name: 'another stage',
    },
  ],
  invalid: [
    {
      code: 'FROM python:3.12\nWORKDIR /app\nCOPY . .\nRUN pip install -r requirements.txt\n',
      errors: [
        {
          line: 3,
          column: 6,
          endColumn: 7,
          message:
            'this copies all sources before `pip install -r requirements.txt` (line 4): any change reruns it; copy requirements.txt first, install, then copy the rest',
        },
      ],
    },
    {
      name: 'each ecosystem once, in a stage built on the one with the COPY',
      code: 'FROM golang:1.23 AS src\nADD ./ /src\nFROM src\nRUN go mod download && go mod download\nRUN bundle install\n',
      errors: [
        { line: 2, column: 5, endColumn: 7, message: /`go mod download` \(line 4\).*go\.mod and go\.sum/ },
        { line: 2, column: 5, message: /`bundle install` \(line 5\)/ },
      ],
    },
    {
      name: 'seed 000 frontend: npm install after COPY . .',
      code: 'FROM node:20-slim AS builder\nWORKDIR /app\nCOPY . .\nRUN npm install\nRUN npm run build\n',
      errors: [
        { line: 3, column: 6, message: /`npm install` \(line 4\).*package.json and package-lock.json/ },
      ],
    },
  ],
});
