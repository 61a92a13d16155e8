import rule from '../../../src/rules/dockerfile/zypper-non-interactive.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { code: 'FROM opensuse/leap\nRUN zypper -n install httpd\n' },
    { code: 'FROM opensuse/leap\nRUN zypper --non-interactive in httpd\n' },
    { code: 'FROM opensuse/leap\nRUN zypper install -y httpd\n' },
    { code: 'FROM opensuse/leap\nRUN zypper rm --no-confirm httpd\n' },
    { code: 'FROM opensuse/leap\nRUN zypper refresh\n', name: 'does not prompt' },
  ],
  invalid: [
    {
      code: 'FROM opensuse/leap\nRUN zypper install httpd=2.4.58 && zypper clean\n',
      errors: [
        {
          line: 2,
          column: 5,
          endColumn: 19,
          message: 'add -n (or -y) to `zypper install`: builds cannot answer its prompt',
        },
      ],
      output: 'FROM opensuse/leap\nRUN zypper -n install httpd=2.4.58 && zypper clean\n',
    },
    {
      name: 'aliases and global options before the subcommand',
      code: 'FROM opensuse/leap\nRUN zypper --gpg-auto-import-keys ref && zypper up\n',
      errors: [
        {
          line: 2,
          column: 42,
          endColumn: 51,
          message: 'add -n (or -y) to `zypper up`: builds cannot answer its prompt',
        },
      ],
      output: 'FROM opensuse/leap\nRUN zypper --gpg-auto-import-keys ref && zypper -n up\n',
    },
  ],
});
