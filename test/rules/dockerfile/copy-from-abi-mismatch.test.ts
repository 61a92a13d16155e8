import rule from '../../../src/rules/dockerfile/copy-from-abi-mismatch.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    {
      name: 'seed 000: same base',
      code: 'FROM python:3.12-slim AS builder\nRUN pip install x\nFROM python:3.12-slim\nCOPY --from=builder /usr/local/lib/python3.12/site-packages /usr/local/lib/python3.12/site-packages\n',
    },
    {
      code: 'FROM golang:1.22 AS b\nRUN go build -o /app\nFROM alpine:3.20\nCOPY --from=b /app /app\n',
      name: 'not interpreter packages',
    },
    {
      code: 'FROM node:20 AS b\nRUN npm ci\nFROM nginx:1.27-alpine\nCOPY --from=b /app/dist /usr/share/nginx/html\n',
    },
    { code: 'FROM python:3.12 AS b\nRUN x\nFROM scratch\nCOPY --from=b /venv /venv\n', name: 'scratch' },
    {
      code: 'FROM python:3.12-alpine AS b\nRUN x\nFROM python:3.12-alpine3.20\nCOPY --from=b /opt/venv /opt/venv\n',
    },
    {
      code: 'ARG BASE\nFROM ${BASE} AS b\nFROM python:3.12-alpine\nCOPY --from=b /venv /venv\n',
      name: 'unknown base',
    },
  ],
  invalid: [
    {
      name: 'seed 001: slim → alpine',
      code: 'FROM python:3.10-slim AS builder\nRUN pip install -r requirements.txt\nFROM python:3.10-alpine\nCOPY --from=builder /usr/local/lib/python3.10/site-packages/ /usr/local/lib/python3.10/site-packages/\n',
      errors: [
        {
          line: 4,
          column: 6,
          endColumn: 20,
          message:
            'COPY --from=builder copies Python packages built on python:3.10-slim (glibc) into python:3.10-alpine (musl): native code linked against glibc does not load on musl; use the same base family in both stages',
        },
      ],
    },
    {
      code: 'FROM python:3.11 AS b\nRUN pip install x\nFROM python:3.12-slim\nCOPY --from=b /usr/local/lib/python3.11/site-packages /usr/local/lib/python3.11/site-packages\n',
      errors: [{ line: 4, column: 6, message: /Python 3\.11 into an image with Python 3\.12/ }],
    },
    {
      code: 'FROM node:18 AS b\nRUN npm ci\nFROM node:20-slim\nCOPY --from=b /app/node_modules ./node_modules\n',
      errors: [{ line: 4, column: 6, message: /Node\.js 18 into Node\.js 20/ }],
    },
    {
      code: 'FROM debian:12 AS b\nRUN make\nFROM alpine:3.20\nCOPY --from=b /usr/local/lib/libfoo.so.1 /usr/lib/\n',
      errors: [
        {
          line: 4,
          column: 6,
          message: /native libraries built on debian:12 \(glibc\) into alpine:3\.20 \(musl\)/,
        },
      ],
    },
    {
      name: 'from an image',
      code: 'FROM python:3.12-alpine\nCOPY --from=python:3.12-slim /usr/local/lib/python3.12 /usr/local/lib/python3.12\n',
      errors: [{ line: 2, column: 6 }],
    },
  ],
});
