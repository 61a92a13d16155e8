import rule from '../../../src/rules/dockerfile/wget-progress.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { code: 'FROM debian\nRUN wget --progress=dot:giga https://x.example/a\n' },
    { code: 'FROM debian\nRUN wget -q https://x.example/a && wget -qO- https://x.example/b\n' },
    { code: 'FROM debian\nRUN wget -nv https://x.example/a && wget --no-verbose https://x.example/b\n' },
    {
      code: 'FROM debian\nRUN wget -o /tmp/log https://x.example/a && wget --append-output=/tmp/log https://x.example/b\n',
    },
    { code: 'FROM alpine:3.20\nRUN wget https://x.example/a\n', name: 'BusyBox wget' },
    {
      code: 'FROM node:22-alpine\nRUN wget -O /tmp/a https://x.example/a\n',
      name: 'BusyBox wget on an alpine tag',
    },
    {
      code: 'FROM debian\nARG WGET_OPTS\nRUN wget $WGET_OPTS https://x.example/a\n',
      name: 'unknown options',
    },
  ],
  invalid: [
    {
      code: 'FROM debian\nRUN wget -O /tmp/a.tgz https://x.example/a.tgz\n',
      errors: [
        {
          line: 2,
          column: 5,
          endColumn: 9,
          message: 'add --progress=dot:giga (or -q, -nv) to `wget`: its dot progress floods the build log',
        },
      ],
      output: 'FROM debian\nRUN wget --progress=dot:giga -O /tmp/a.tgz https://x.example/a.tgz\n',
    },
    {
      name: 'GNU wget installed on alpine',
      code: 'FROM alpine:3.20\nRUN apk add --no-cache wget\nRUN wget https://x.example/a\n',
      errors: [{ line: 3, column: 5 }],
      output:
        'FROM alpine:3.20\nRUN apk add --no-cache wget\nRUN wget --progress=dot:giga https://x.example/a\n',
    },
  ],
});
