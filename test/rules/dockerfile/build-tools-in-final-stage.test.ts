import rule from '../../../src/rules/dockerfile/build-tools-in-final-stage.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    {
      name: 'single stage',
      code: 'FROM python:3.12\nRUN apt-get install -y gcc libpq-dev\nCMD ["python"]\n',
    },
    {
      name: 'in the builder',
      code: 'FROM python:3.12 AS b\nRUN apt-get install -y gcc libpq-dev\nFROM python:3.12-slim\nRUN apt-get install -y libpq5\nCMD ["python"]\n',
    },
    {
      name: 'removed again',
      code: 'FROM alpine AS b\nFROM alpine\nRUN apk add --no-cache --virtual .build-deps gcc musl-dev && pip install x==1 && apk del .build-deps\nCMD ["x"]\n',
    },
    { name: 'a toolchain image', code: 'FROM debian AS src\nFROM debian\nRUN apt-get install -y gcc make\n' },
  ],
  invalid: [
    {
      name: 'seed 000 backend builder pattern done wrong',
      code: 'FROM python:3.12-slim AS builder\nRUN pip wheel -w /w psycopg2==2.9.9\nFROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends \\\n    gcc libpq-dev libjpeg-dev zlib1g-dev curl\nCMD ["uvicorn", "app.main:app"]\n',
      errors: [
        {
          line: 5,
          column: 5,
          endColumn: 8,
          message:
            'build tools `gcc`, `libpq-dev`, `libjpeg-dev` and 1 more ship in the final image: install them in a build stage and copy only the results',
        },
      ],
    },
    {
      name: 'alpine and dnf names',
      code: 'FROM alpine AS b\nFROM alpine\nRUN apk add --no-cache build-base openssl-dev && dnf install -y gcc-c++ openssl-devel\nCMD ["app"]\n',
      errors: [
        { line: 3, column: 24, message: /`build-base` and `openssl-dev`/ },
        { line: 3, column: 65, message: /`gcc-c\+\+` and `openssl-devel`/ },
      ],
    },
  ],
});
