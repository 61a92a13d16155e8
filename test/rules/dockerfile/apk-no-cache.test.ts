import rule from '../../../src/rules/dockerfile/apk-no-cache.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { code: 'FROM alpine\nRUN apk add --no-cache curl\n' },
    { code: 'FROM alpine\nRUN apk --no-cache add curl\n' },
    { code: 'FROM alpine\nRUN --mount=type=cache,target=/var/cache/apk apk add -U curl\n' },
    { code: 'FROM alpine\nRUN --mount=type=cache,target=/etc/apk/cache apk add curl\n' },
    {
      code: 'FROM alpine AS build\nRUN apk add gcc\nFROM alpine\nCOPY --from=build /x /x\n',
      name: 'a builder stage',
    },
    {
      code: 'FROM alpine\nARG APK_FLAGS\nRUN apk add $APK_FLAGS curl\n',
      name: 'unknown flags are not judged',
    },
  ],
  invalid: [
    {
      code: 'FROM alpine\nRUN apk update && apk add curl\n',
      errors: [
        {
          line: 2,
          column: 19,
          endColumn: 26,
          message: 'add --no-cache to `apk add`: the package index stays in /var/cache/apk',
        },
      ],
      output: 'FROM alpine\nRUN apk update && apk add --no-cache curl\n',
    },
    {
      name: 'a cache mount elsewhere does not count',
      code: 'FROM alpine\nRUN --mount=type=cache,target=/var/cache/foo apk add -U curl\n',
      errors: [{ line: 2, column: 46 }],
      output: 'FROM alpine\nRUN --mount=type=cache,target=/var/cache/foo apk add --no-cache -U curl\n',
    },
  ],
});
