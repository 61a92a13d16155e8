import rule from '../../../src/rules/dockerfile/final-inherits-build-tools.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { code: 'FROM python:3.12\nRUN apt-get install -y gcc\n', name: 'single stage' },
    {
      name: 'seed 000: builder with gcc, clean final base',
      code: 'FROM python:3.12-slim AS builder\nRUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev\nFROM python:3.12-slim\nCOPY --from=builder /usr/local/lib/python3.12/site-packages /usr/local/lib/python3.12/site-packages\n',
    },
    {
      name: 'removed again',
      code: 'FROM alpine AS base\nRUN apk add --virtual .build-deps gcc musl-dev && make && apk del .build-deps\nFROM base\nCMD ["app"]\n',
    },
    {
      code: 'FROM node:20 AS base\nRUN apt-get install -y curl\nFROM base\nCMD ["node"]\n',
      name: 'no build tools',
    },
    { code: 'FROM golang:1.22\nRUN go build\n', name: 'toolchain image, single stage' },
    { code: 'FROM golang:1.22 AS b\nRUN go build -o /a\nFROM alpine\nCOPY --from=b /a /a\n' },
    {
      code: 'FROM debian AS base\nRUN apt-get install -y gcc make\nFROM base AS test\nRUN make test\n',
      name: 'a test target',
    },
  ],
  invalid: [
    {
      code: 'FROM python:3.12-slim AS build\nRUN apt-get update && apt-get install -y gcc libpq-dev\nFROM build\nCMD ["python", "app.py"]\n',
      errors: [
        {
          line: 3,
          column: 6,
          endColumn: 11,
          message:
            'the final stage is built FROM stage build, which installs build tools (gcc, libpq-dev): they ship in the image; start from a runtime base and COPY --from=build only the artifacts',
        },
      ],
    },
    {
      code: 'FROM golang:1.22 AS build\nRUN go build -o /app\nFROM golang:1.22\nCOPY --from=build /app /app\nCMD ["/app"]\n',
      errors: [{ line: 3, column: 6, message: /runs on golang:1\.22, a build toolchain image/ }],
    },
    {
      code: 'FROM node:20 AS build\nRUN npm run build\nFROM mcr.microsoft.com/dotnet/sdk:8.0\nCOPY --from=build /dist /dist\n',
      errors: [{ line: 3, column: 6 }],
    },
  ],
});
