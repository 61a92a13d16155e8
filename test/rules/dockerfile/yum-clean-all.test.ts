import rule from '../../../src/rules/dockerfile/yum-clean-all.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { code: 'FROM centos:7\nRUN yum install -y httpd && yum clean all\n' },
    { code: 'FROM centos:7\nRUN yum install -y httpd && rm -rf /var/cache/yum\n' },
    {
      code: 'FROM centos:7\nRUN yum install -y httpd && dnf clean all\n',
      name: 'yum is dnf on current releases',
    },
    { code: 'FROM centos:7\nRUN --mount=type=cache,target=/var/cache/yum yum install -y httpd\n' },
    { code: 'FROM centos:7\nRUN yum clean all\n' },
    {
      name: 'a builder stage only copied from',
      code: 'FROM centos:7 AS build\nRUN yum install -y gcc && make\nFROM scratch\nCOPY --from=build /app /app\n',
    },
  ],
  invalid: [
    {
      name: 'no fix when a quote left open swallows the rest of the line (found by the fuzzer)',
      code: 'FROM centos:7\nRUN yum update -y sh -c "-y && yum clean all\n',
      errors: [{ line: 2, column: 5 }],
      output: 'FROM centos:7\nRUN yum update -y sh -c "-y && yum clean all\n',
    },
    {
      code: 'FROM centos:7\nRUN yum install -y httpd\n',
      errors: [
        {
          line: 2,
          column: 5,
          endColumn: 16,
          message:
            'add `yum clean all` after `yum install` in this RUN: the package cache stays in the layer',
        },
      ],
      output: 'FROM centos:7\nRUN yum install -y httpd && yum clean all\n',
    },
    {
      name: 'a clean before the last install does not count',
      code: 'FROM centos:7\nRUN yum install -y a && yum clean all && \\\n    yum update -y && \\\n    echo done\n',
      errors: [{ line: 3, column: 5, endColumn: 15 }],
      output:
        'FROM centos:7\nRUN yum install -y a && yum clean all && \\\n    yum update -y && yum clean all && \\\n    echo done\n',
    },
    {
      name: 'inside an if body the clean follows the command',
      code: 'FROM centos:7\nRUN if true; then yum install -y a; fi\n',
      errors: [{ line: 2, column: 19 }],
      output: 'FROM centos:7\nRUN if true; then yum install -y a && yum clean all; fi\n',
    },
    {
      name: 'no fix in a condition',
      code: 'FROM centos:7\nRUN yum install -y a || exit 1\n',
      errors: [{ line: 2, column: 5 }],
      output: 'FROM centos:7\nRUN yum install -y a || exit 1\n',
    },
  ],
});
