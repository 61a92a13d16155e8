import rule from '../../../src/rules/dockerfile/dnf-pin-versions.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { code: 'FROM fedora\nRUN dnf install -y tomcat-9.0.1 && dnf clean all\n' },
    { code: 'FROM fedora\nRUN microdnf install -y openssl-1:3.0.7\n' },
    { code: 'FROM fedora\nRUN dnf -y group install "Development Tools"\n' },
    { code: 'FROM fedora\nRUN dnf install -y @nodejs:20\n' },
    {
      code: 'FROM fedora AS a\nENV V=2.47.0\nFROM a\nRUN dnf install -y git-core-${V}\n',
      name: 'ENV of the stage built on',
    },
  ],
  invalid: [
    {
      code: 'FROM fedora\nRUN dnf install -y rpm-sign && dnf clean all\n',
      errors: [
        {
          line: 2,
          column: 5,
          endColumn: 16,
          message: 'pin the version of `rpm-sign` (`dnf install <package>-<version>`)',
        },
      ],
    },
    {
      name: 'a global ARG is not visible in a RUN without redeclaring it',
      code: 'ARG V=2.47.0\nFROM fedora\nRUN microdnf install -y git-core-$V\n',
      errors: [{ line: 3, column: 5, endColumn: 21, message: /^`\$\{V\}` is not set in this stage/ }],
    },
  ],
});
