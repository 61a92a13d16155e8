import rule from '../../../src/rules/dockerfile/yum-pin-versions.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { code: 'FROM centos:7\nRUN yum install -y httpd-2.4.6 && yum clean all\n' },
    { code: 'FROM centos:7\nRUN yum install -y openssl-1:1.0.2k gcc-c++-4.8.5 rpm-sign-4.11.3\n' },
    { code: 'FROM centos:7\nRUN yum install -y https://example.org/repo/epel-release-7-14.noarch.rpm\n' },
    { code: 'FROM centos:7\nRUN yum module install -y nodejs:20\n' },
    {
      code: 'FROM centos:7\nRUN yum groupinstall -y "Development Tools"\n',
      name: 'groups are not versioned',
    },
    { code: 'FROM centos:7\nARG V=2.43.5\nRUN yum install -y git-${V}\n' },
    { code: 'FROM centos:7\nARG V\nRUN yum install -y git-${V}\n', name: 'an unknown version is not judged' },
  ],
  invalid: [
    {
      code: 'FROM centos:7\nRUN yum install -y tomcat python3-devel-3.6.8 python3-devel\n',
      errors: [
        {
          line: 2,
          column: 5,
          endColumn: 16,
          message: 'pin the version of `tomcat` and `python3-devel` (`yum install <package>-<version>`)',
        },
      ],
    },
    {
      code: 'FROM centos:7\nRUN yum module install -y nodejs\n',
      errors: [
        {
          line: 2,
          column: 5,
          endColumn: 23,
          message: 'pin the stream of `nodejs` (`yum module install <module>:<stream>`)',
        },
      ],
    },
    {
      name: 'a version declared in another stage is empty here',
      code: 'FROM centos:7 AS a\nENV V=2.43.5\nFROM centos:7\nRUN yum install -y "git-${V}"\n',
      errors: [
        {
          line: 4,
          column: 5,
          message:
            '`${V}` is not set in this stage (ARG/ENV of another stage or before FROM do not carry over), so `git-` is not pinned',
        },
      ],
    },
  ],
});
