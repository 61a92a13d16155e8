import { expect, it } from 'vitest';
import { defaultConfig } from '../../../src/config/settings.js';
import { parseDockerfile } from '../../../src/dockerfile/parse.js';
import { lintDockerfile } from '../../../src/engine/lint-dockerfile.js';
import rule from '../../../src/rules/dockerfile/dev-server.js';
import { testRule } from '../../helpers/rule-tester.js';

it('leaves files named for development alone', () => {
  const text = 'FROM node:20\nCMD ["npm", "run", "dev"]\n';
  const lint = (path: string) =>
    lintDockerfile(parseDockerfile(text, path), { config: defaultConfig(), rules: [rule] });
  expect(lint('web/Dockerfile.dev')).toEqual([]);
  expect(lint('dev.Dockerfile')).toEqual([]);
  expect(lint('Dockerfile.local')).toEqual([]);
  expect(lint('web/Dockerfile')).toHaveLength(1);
  expect(lint('Dockerfile.prod')).toHaveLength(1);
});

testRule(rule, {
  valid: [
    { code: 'FROM python:3.12\nCMD ["gunicorn", "-b", "0.0.0.0:8000", "app:app"]\n' },
    { code: 'FROM python:3.12\nCMD ["uvicorn", "app.main:app", "--host", "0.0.0.0"]\n' },
    { code: 'FROM node:20\nCMD ["npm", "start"]\n' },
    { code: 'FROM node:20\nRUN npm run dev -- --version\n', name: 'RUN is not the container command' },
    { code: 'FROM node:20 AS dev\nCMD ["npm", "run", "dev"]\n', name: 'a stage named dev' },
    {
      code: 'FROM node:20 AS dev\nCMD ["npm", "run", "dev"]\nFROM nginx\nCOPY x /x\n',
      name: 'not the final stage',
    },
    { code: 'FROM node:20\nCMD ["vite", "build"]\n' },
  ],
  invalid: [
    {
      code: 'FROM python:3.12-slim\nCMD ["flask", "run", "--host=0.0.0.0"]\n',
      errors: [
        {
          line: 2,
          column: 6,
          endColumn: 38,
          message: 'CMD starts a development server (`flask run`): serve the app with gunicorn or waitress',
        },
      ],
    },
    {
      code: 'FROM python:3.12\nCMD python manage.py runserver 0.0.0.0:8000\n',
      errors: [{ line: 2, column: 5, message: /manage\.py runserver/ }],
    },
    {
      code: 'FROM python:3.12\nCMD ["uvicorn", "app:app", "--reload"]\n',
      errors: [{ line: 2, column: 6, message: /--reload/ }],
    },
    {
      code: 'FROM node:20\nCMD ["npm", "run", "dev"]\n',
      errors: [{ line: 2, column: 6, message: /`npm run dev`/ }],
    },
    { code: 'FROM node:20\nENTRYPOINT ["yarn", "dev"]\n', errors: [{ line: 2, column: 13 }] },
    {
      code: 'FROM node:20\nCMD ["sh", "-c", "npm ci && npx nodemon src/index.js"]\n',
      errors: [{ line: 2, column: 29, message: /nodemon/ }],
    },
    {
      code: 'FROM node:20\nCMD ng serve --host 0.0.0.0\n',
      errors: [{ line: 2, column: 5, message: /ng serve/ }],
    },
    {
      name: 'command inherited from a parent stage',
      code: 'FROM node:20 AS base\nCMD ["vite", "--host"]\nFROM base\nCOPY . .\n',
      errors: [{ line: 2, column: 6 }],
    },
  ],
});
