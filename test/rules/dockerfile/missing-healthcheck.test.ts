import rule from '../../../src/rules/dockerfile/missing-healthcheck.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { code: 'FROM python:3.12\nEXPOSE 8000\nHEALTHCHECK CMD python -c "print(1)"\n' },
    { code: 'FROM python:3.12\nEXPOSE 8000\nHEALTHCHECK NONE\n', name: 'switched off on purpose' },
    { code: 'FROM python:3.12\nCMD ["python", "batch.py"]\n', name: 'not a service' },
    {
      code: 'FROM golang:1.22 AS b\nRUN go build\nFROM scratch\nEXPOSE 8080\nENTRYPOINT ["/app"]\n',
      name: 'scratch',
    },
    { code: 'FROM gcr.io/distroless/static-debian12\nEXPOSE 8080\n', name: 'distroless' },
    {
      code: 'FROM nginx:1.27 AS base\nHEALTHCHECK CMD wget -q --spider http://localhost/\nFROM base\nCOPY x /x\n',
    },
    {
      code: 'FROM python:3.12 AS api\nEXPOSE 80\nFROM python:3.12\nCMD ["python", "job.py"]\n',
      name: 'final stage only',
    },
  ],
  invalid: [
    {
      name: 'seed 000 backend',
      code: 'FROM python:3.12-slim\nCOPY . .\nEXPOSE 8000\nCMD ["uvicorn", "app.main:app", "--host", "0.0.0.0"]\n',
      errors: [
        {
          line: 1,
          column: 6,
          endColumn: 22,
          severity: 'info',
          message:
            'this service image has no HEALTHCHECK (EXPOSE 8000): nothing notices when it hangs; add one, e.g. HEALTHCHECK CMD python -c "import urllib.request; urllib.request.urlopen(\'http://localhost:PORT/health\')"',
        },
      ],
    },
    {
      name: 'seed 000 frontend: nginx base',
      code: 'FROM node:20 AS build\nRUN npm run build\nFROM nginx:1.27-alpine\nCOPY --from=build /app/dist /usr/share/nginx/html\n',
      errors: [{ line: 3, column: 6, message: /\(nginx serves\).*wget -q --spider/ }],
    },
    {
      code: 'FROM debian:12\nCMD ["gunicorn", "app:app"]\n',
      errors: [{ line: 1, column: 6, message: /it runs gunicorn/ }],
    },
  ],
});
