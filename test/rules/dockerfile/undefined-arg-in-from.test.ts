import rule from '../../../src/rules/dockerfile/undefined-arg-in-from.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { code: 'ARG NODE=22\nFROM node:${NODE}\n' },
    { code: 'ARG IMAGE\nFROM $IMAGE\n', name: 'declared without a default' },
    { code: 'FROM --platform=$BUILDPLATFORM golang:${TARGETARCH}\n', name: 'platform ARGs are predefined' },
    { code: 'FROM alpine\nARG V\nRUN echo $V\n', name: 'stage ARGs are another matter' },
  ],
  invalid: [
    {
      code: 'ARG NODE_VERSION=22\nFROM node:${NODE_VERSON}-alpine\n',
      errors: [
        {
          line: 2,
          column: 11,
          endColumn: 25,
          message:
            'FROM uses $NODE_VERSON, which no ARG before the first FROM declares (did you mean $NODE_VERSION?)',
        },
      ],
    },
    {
      name: 'an ARG declared in a stage is not global; the platform flag counts too',
      code: 'FROM alpine\nARG BASE=debian\nFROM --platform=$PLAT $BASE\n',
      errors: [
        {
          line: 3,
          column: 17,
          endColumn: 22,
          message: 'FROM uses $PLAT, which no ARG before the first FROM declares',
        },
        { line: 3, column: 23, endColumn: 28 },
      ],
    },
  ],
});
