import rule from '../../../src/rules/dockerfile/zypper-clean.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { code: 'FROM opensuse/leap\nRUN zypper -n install mariadb && zypper clean\n' },
    { code: 'FROM opensuse/leap\nRUN zypper -n in mariadb && zypper cc -a\n' },
    { code: 'FROM opensuse/leap\nRUN zypper -n in mariadb && rm -rf /var/cache/zypp/*\n' },
    { code: 'FROM opensuse/leap\nRUN --mount=type=cache,target=/var/cache/zypp zypper -n install mariadb\n' },
  ],
  invalid: [
    {
      code: 'FROM opensuse/leap\nRUN zypper -n install mariadb\n',
      errors: [
        {
          line: 2,
          column: 5,
          endColumn: 22,
          message:
            'add `zypper clean --all` after `zypper install` in this RUN: the package cache stays in the layer',
        },
      ],
      output: 'FROM opensuse/leap\nRUN zypper -n install mariadb && zypper clean --all\n',
    },
    {
      name: 'a clean before the install does not count',
      code: 'FROM opensuse/leap\nRUN zypper clean && zypper -n install -y mariadb\n',
      errors: [{ line: 2, column: 21 }],
      output: 'FROM opensuse/leap\nRUN zypper clean && zypper -n install -y mariadb && zypper clean --all\n',
    },
  ],
});
