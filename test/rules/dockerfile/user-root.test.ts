import rule from '../../../src/rules/dockerfile/user-root.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { code: 'FROM debian\nUSER app\n' },
    { code: 'FROM debian\nUSER root\nRUN make\nUSER app\n', name: 'switches back' },
    { code: 'FROM debian\nUSER rootless\n', name: 'a user whose name starts with root' },
    { code: 'FROM debian AS base\nUSER root\nRUN x\nUSER app\nFROM scratch\nRUN y\n' },
    { code: 'ARG U=app\nFROM debian\nARG U\nUSER ${U}\n', name: 'build argument resolved' },
    { code: 'FROM debian\nUSER $UNKNOWN\n', name: 'unknown value' },
    { code: 'USER root\nFROM debian\n', name: 'USER before FROM belongs to no stage' },
  ],
  invalid: [
    {
      code: 'FROM scratch\nUSER root\n',
      errors: [
        {
          line: 2,
          column: 6,
          endColumn: 10,
          message:
            'the last USER of this stage is root ("root"): switch to an unprivileged user after the steps that need root',
        },
      ],
    },
    { code: 'FROM scratch\nUSER 0\n', errors: [{ line: 2, column: 6 }] },
    { code: 'FROM scratch\nUSER root:root\n', errors: [{ line: 2, column: 6, endColumn: 15 }] },
    { code: 'FROM scratch\nUSER 0:0\n', errors: [{ line: 2, column: 6 }] },
    {
      name: 'every stage is judged, as hadolint does',
      code: 'FROM debian AS base\nUSER root\nRUN x\nFROM scratch\nUSER app\n',
      errors: [{ line: 2, column: 6 }],
    },
    {
      name: 'build argument resolved to root',
      code: 'ARG RUN_AS=root\nFROM debian\nARG RUN_AS\nUSER ${RUN_AS}\n',
      errors: [{ line: 4, column: 6, message: /"root"/ }],
    },
  ],
});
