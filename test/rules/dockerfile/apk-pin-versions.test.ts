import rule from '../../../src/rules/dockerfile/apk-pin-versions.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { code: 'FROM alpine\nRUN apk add --no-cache curl=8.12.1-r0\n' },
    { code: 'FROM alpine\nRUN apk add --no-cache "curl>=8" git~2.45 bash=~5.2\n' },
    {
      code: 'FROM alpine\nRUN apk add --virtual .build-deps gcc=13.2.1_git20240309-r0\n',
      name: '--virtual takes a name',
    },
    {
      code: 'FROM alpine\nRUN apk add -X https://dl-cdn.alpinelinux.org/alpine/edge/testing flow=0.78.0-r0\n',
    },
    { code: 'FROM alpine\nRUN apk add --allow-untrusted /tmp/pkg-1.0.apk\n' },
    { code: 'FROM alpine\nRUN apk del curl\n' },
  ],
  invalid: [
    {
      code: 'FROM alpine\nRUN apk add --no-cache curl=8.12.1-r0 \\\n      git\n',
      errors: [
        {
          line: 2,
          column: 5,
          endLine: 2,
          endColumn: 12,
          message: 'pin the version of `git` (`apk add <package>=<version>`)',
        },
      ],
    },
    {
      name: 'a repository tag is not a version',
      code: 'FROM alpine\nRUN apk add -t .deps tini@community\n',
      errors: [
        {
          line: 2,
          column: 5,
          message: 'pin the version of `tini@community` (`apk add <package>=<version>`)',
        },
      ],
    },
  ],
});
