import rule from '../../../src/rules/dockerfile/sudo.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { code: 'FROM debian\nRUN apt-get install -y sudo\n' },
    { code: 'FROM debian\nRUN echo "app ALL=(ALL) NOPASSWD: ALL" > /etc/sudoers.d/app\n' },
    { code: 'FROM debian\nCMD sudo -u app run\n', name: 'only RUN is judged' },
  ],
  invalid: [
    {
      code: 'FROM debian\nRUN sudo apt-get update\n',
      errors: [
        {
          line: 2,
          column: 5,
          endColumn: 9,
          message: 'do not use sudo in a build: switch USER for the steps that need root',
        },
      ],
    },
    {
      code: 'FROM debian\nRUN apt-get update && \\\n    /usr/bin/sudo apt-get install -y x\n',
      errors: [{ line: 3, column: 5, endColumn: 18 }],
    },
    { code: 'FROM debian\nONBUILD RUN sudo make install\n', errors: [{ line: 2, column: 13 }] },
    { code: "FROM debian\nRUN sh -c 'sudo make install'\n", errors: [{ line: 2, column: 12 }] },
  ],
});
