import rule from '../../../src/rules/dockerfile/unused-curl-wget.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    {
      name: 'used by the health check',
      code: 'FROM debian\nRUN apt-get update && apt-get install -y --no-install-recommends curl\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\nCMD ["nginx"]\n',
    },
    {
      name: 'used by a later RUN',
      code: 'FROM alpine\nRUN apk add --no-cache wget\nRUN wget -q https://x.example/a -O /a\nCMD ["/usr/bin/a"]\n',
    },
    {
      name: 'removed again (virtual group)',
      code: 'FROM alpine\nRUN apk add --no-cache --virtual .fetch curl && curl -fsSLO https://x.example/a && apk del .fetch\nCMD ["python3"]\n',
    },
    {
      name: 'a builder stage',
      code: 'FROM debian AS b\nRUN apt-get install -y curl\nFROM debian\nCMD ["app"]\n',
    },
    { name: 'a base image runs nothing', code: 'FROM debian\nRUN apt-get install -y curl wget\n' },
    { name: 'a toolbox image', code: 'FROM debian\nRUN apt-get install -y curl\nCMD ["bash"]\n' },
    {
      name: 'the container starts a script',
      code: 'FROM debian\nRUN apt-get install -y curl\nCOPY entrypoint.sh /\nENTRYPOINT ["/entrypoint.sh"]\n',
    },
  ],
  invalid: [
    {
      name: 'seed 000 B-1: curl kept for a health check that moved to compose',
      code: 'FROM python:3.12-slim AS builder\nRUN pip wheel -w /w uvicorn==0.30.6\nFROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends libpq5 curl\nCMD ["uvicorn", "app.main:app", "--host", "0.0.0.0", "--port", "8000"]\n',
      errors: [
        {
          line: 4,
          column: 73,
          endColumn: 77,
          message:
            '`curl` is installed in the final image but nothing here uses it: drop it (a health check can use the language runtime instead)',
        },
      ],
    },
    {
      name: 'a use before the install does not count; pinned names',
      code: 'FROM debian AS base\nRUN apt-get install -y wget=1.21.3-1+b2\nFROM base\nRUN curl -V; apt-get install -y curl\nENTRYPOINT ["/usr/local/bin/app"]\n',
      errors: [
        { line: 2, column: 24, endColumn: 40, message: /`wget`/ },
        { line: 4, column: 33, message: /`curl`/ },
      ],
    },
  ],
});
