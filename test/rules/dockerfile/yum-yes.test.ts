import rule from '../../../src/rules/dockerfile/yum-yes.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { code: 'FROM centos:7\nRUN yum install -y httpd && yum clean all\n' },
    { code: 'FROM centos:7\nRUN yum -y groupinstall "Development Tools"\n' },
    { code: 'FROM centos:7\nRUN yum --assumeyes update\n' },
    { code: 'FROM centos:7\nRUN yum clean all && yum makecache\n', name: 'no prompt' },
    { code: 'FROM fedora\nRUN dnf install httpd\n', name: 'dnf has its own rule' },
  ],
  invalid: [
    {
      code: 'FROM centos:7\nRUN yum install httpd && yum clean all\n',
      errors: [
        {
          line: 2,
          column: 5,
          endLine: 2,
          endColumn: 16,
          message: 'add -y to `yum install`: builds cannot answer its prompt',
        },
      ],
      output: 'FROM centos:7\nRUN yum install -y httpd && yum clean all\n',
    },
    {
      name: 'group install, remove and update',
      code: 'FROM centos:7\nRUN yum group install "Development Tools" \\\n && yum remove x \\\n && yum update\n',
      errors: [
        {
          line: 2,
          column: 5,
          endColumn: 22,
          message: 'add -y to `yum group install`: builds cannot answer its prompt',
        },
        { line: 3, column: 5, endColumn: 15 },
        { line: 4, column: 5, endColumn: 15 },
      ],
      output:
        'FROM centos:7\nRUN yum group install -y "Development Tools" \\\n && yum remove -y x \\\n && yum update -y\n',
    },
  ],
});
