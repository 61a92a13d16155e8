import rule from '../../../src/rules/dockerfile/dnf-clean-all.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { code: 'FROM fedora\nRUN dnf install -y httpd && dnf clean all\n' },
    { code: 'FROM fedora\nRUN microdnf install -y httpd && microdnf clean all\n' },
    { code: 'FROM fedora\nRUN dnf -y upgrade && rm -rf /var/cache/dnf/*\n' },
    { code: 'FROM fedora\nRUN --mount=type=tmpfs,target=/var/cache/libdnf5 dnf install -y httpd\n' },
    { code: 'FROM fedora\nRUN dnf -y remove httpd\n', name: 'removing downloads nothing' },
  ],
  invalid: [
    {
      code: 'FROM fedora\nRUN dnf -y upgrade\n',
      errors: [
        {
          line: 2,
          column: 5,
          endColumn: 19,
          message:
            'add `dnf clean all` after `dnf upgrade` in this RUN: the package cache stays in the layer',
        },
      ],
      output: 'FROM fedora\nRUN dnf -y upgrade && dnf clean all\n',
    },
    {
      name: 'microdnf keeps its own cache',
      code: 'FROM ubi9\nRUN dnf install -y tar && microdnf clean all\n',
      errors: [{ line: 2, column: 5 }],
      output: 'FROM ubi9\nRUN dnf install -y tar && microdnf clean all && dnf clean all\n',
    },
    {
      name: 'a clean before the install does not count',
      code: 'FROM ubi9\nRUN rm -rf /var/cache/libdnf5 && microdnf install -y tar\n',
      errors: [{ line: 2, column: 34, endColumn: 50 }],
      output: 'FROM ubi9\nRUN rm -rf /var/cache/libdnf5 && microdnf install -y tar && microdnf clean all\n',
    },
  ],
});
