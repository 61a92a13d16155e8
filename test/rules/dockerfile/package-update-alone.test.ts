import rule from '../../../src/rules/dockerfile/package-update-alone.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { code: 'FROM debian\nRUN apt-get update && apt-get install -y curl\n' },
    { code: 'FROM debian\nRUN apt-get update \\\n && apt-get upgrade -y\n' },
    { code: 'FROM alpine\nRUN apk update && apk add curl\n' },
    { code: 'FROM debian\nRUN apt-get update && ./install-deps.sh\n', name: 'a script may install' },
    {
      code: 'FROM debian\nRUN apt-get update && curl -fsSL https://x.example/setup | bash -\n',
      name: 'a shell may install',
    },
    { code: 'FROM debian\nRUN apt-get update && rosdep install -y --from-paths src\n' },
    { code: 'FROM fedora\nRUN dnf makecache && dnf install -y tar-1.35\n' },
  ],
  invalid: [
    {
      code: 'FROM debian\nRUN apt-get update\nRUN apt-get install -y curl\n',
      errors: [
        {
          line: 2,
          column: 5,
          endColumn: 19,
          message:
            '`apt-get update` has no install after it in this RUN: its cached layer goes stale for `apt-get install` on line 3; update and install in one RUN',
        },
      ],
    },
    {
      name: 'an install before the update does not count; the install is in a stage built on this one',
      code: 'FROM alpine AS base\nRUN apk add --no-cache git && apk update\nFROM base\nRUN apk add curl\n',
      errors: [{ line: 2, column: 31, endColumn: 41, message: /for `apk add` on line 4/ }],
    },
    {
      name: 'no later install',
      code: 'FROM opensuse/leap\nRUN zypper refresh\n',
      errors: [
        {
          line: 2,
          column: 5,
          message:
            '`zypper refresh` has no install after it in this RUN: its cached layer goes stale; update and install in one RUN',
        },
      ],
    },
  ],
});
