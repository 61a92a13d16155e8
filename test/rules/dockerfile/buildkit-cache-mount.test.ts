import rule from '../../../src/rules/dockerfile/buildkit-cache-mount.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    {
      code: 'FROM python:3.12\nRUN pip install -r requirements.txt\n',
      name: 'the file does not use BuildKit',
    },
    {
      code: '# syntax=docker/dockerfile:1\nFROM python:3.12\nRUN --mount=type=cache,target=/root/.cache/pip pip install -r r.txt\n',
    },
    { code: '# syntax=docker/dockerfile:1\nFROM node:22\nRUN --mount=type=cache,target=/root/.npm npm ci\n' },
    {
      code: '# syntax=docker/dockerfile:1\nFROM golang:1.23\nARG GOCACHE=/root/.cache/go-build\nRUN --mount=type=cache,target=${GOCACHE} go build ./...\n',
    },
    { code: '# syntax=docker/dockerfile:1\nFROM python:3.12\nRUN pip list && pipx install black==24.8.0\n' },
  ],
  invalid: [
    {
      code: '# syntax=docker/dockerfile:1.7\nFROM node:22\nCOPY package.json package-lock.json ./\nRUN npm ci\n',
      errors: [
        {
          line: 4,
          column: 5,
          endColumn: 11,
          message:
            'this RUN downloads npm packages again on every rebuild: add `--mount=type=cache,target=/root/.npm` to reuse them across builds',
        },
      ],
    },
    {
      name: 'a file with mounts elsewhere; one finding per RUN and manager',
      code: 'FROM debian\nRUN --mount=type=secret,id=k true\nRUN apt-get update && apt-get install -y a && apt-get install -y b && go mod download\n',
      errors: [
        { line: 3, column: 23, endColumn: 38, message: /Debian packages/ },
        { line: 3, column: 71, message: /go-build/ },
      ],
    },
  ],
});
