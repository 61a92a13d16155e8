import rule from '../../../src/rules/dockerfile/dnf-yes.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { code: 'FROM fedora\nRUN dnf install -y httpd\n' },
    { code: 'FROM fedora\nRUN microdnf -y install httpd\n' },
    { code: 'FROM fedora\nRUN dnf makecache\n' },
    { code: 'FROM fedora\nRUN notdnf install httpd\n' },
  ],
  invalid: [
    {
      code: 'FROM fedora\nRUN dnf in httpd-2.4.62\n',
      errors: [
        { line: 2, column: 5, endColumn: 11, message: 'add -y to `dnf in`: builds cannot answer its prompt' },
      ],
      output: 'FROM fedora\nRUN dnf in -y httpd-2.4.62\n',
    },
    {
      name: 'microdnf and dnf module install',
      code: 'FROM ubi9\nRUN microdnf install tar && dnf module install nodejs:20\n',
      errors: [
        { line: 2, column: 5, endColumn: 21 },
        {
          line: 2,
          column: 29,
          endColumn: 47,
          message: 'add -y to `dnf module install`: builds cannot answer its prompt',
        },
      ],
      output: 'FROM ubi9\nRUN microdnf install -y tar && dnf module install -y nodejs:20\n',
    },
  ],
});
