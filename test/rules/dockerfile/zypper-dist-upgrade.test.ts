import rule from '../../../src/rules/dockerfile/zypper-dist-upgrade.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [{ code: 'FROM opensuse/leap\nRUN zypper -n update && zypper -n patch\n' }],
  invalid: [
    {
      code: 'FROM opensuse/leap\nRUN zypper -n dist-upgrade\n',
      errors: [
        {
          line: 2,
          column: 5,
          endColumn: 27,
          message: 'do not run `zypper dist-upgrade` in a build: use a newer base image',
        },
      ],
    },
    { code: 'FROM opensuse/leap\nRUN zypper dup -y\n', errors: [{ line: 2, column: 5, endColumn: 15 }] },
  ],
});
