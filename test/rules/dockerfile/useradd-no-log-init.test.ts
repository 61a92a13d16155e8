import rule from '../../../src/rules/dockerfile/useradd-no-log-init.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { code: 'FROM debian\nRUN useradd app\n' },
    { code: 'FROM debian\nRUN useradd -u 12345 app\n' },
    { code: 'FROM debian\nRUN useradd -l -u 123456 app\n' },
    { code: 'FROM debian\nRUN useradd --no-log-init --uid=123456 app\n' },
    { code: 'FROM debian\nARG UID\nRUN useradd -u "$UID" app\n', name: 'an unknown UID' },
  ],
  invalid: [
    {
      code: 'FROM debian\nRUN useradd -u 123456 app\n',
      errors: [
        {
          line: 2,
          column: 5,
          endColumn: 12,
          message: 'add -l to `useradd`: UID 123456 makes the lastlog and faillog files huge',
        },
      ],
      output: 'FROM debian\nRUN useradd -l -u 123456 app\n',
    },
    {
      name: 'a UID from a build argument, through sudo',
      code: 'FROM debian\nARG UID=1000000\nRUN sudo useradd -m --uid $UID app\n',
      errors: [{ line: 3, column: 10, endColumn: 17, message: /UID 1000000/ }],
      output: 'FROM debian\nARG UID=1000000\nRUN sudo useradd -l -m --uid $UID app\n',
    },
  ],
});
