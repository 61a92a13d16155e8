import rule from '../../../src/rules/dockerfile/zypper-pin-versions.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { code: 'FROM opensuse/leap\nRUN zypper -n install tomcat=9.0.39\n' },
    { code: 'FROM opensuse/leap\nRUN zypper -n install tomcat\\>=9.0 "java<=17"\n' },
    { code: 'FROM opensuse/leap\nRUN zypper -n install ./tomcat-9.0.39-1.noarch.rpm\n' },
    {
      code: 'FROM opensuse/leap\nRUN zypper -n install -t pattern devel_basis\n',
      name: 'patterns are not versioned',
    },
  ],
  invalid: [
    {
      code: 'FROM opensuse/leap\nRUN zypper -n in -r oss tomcat && zypper clean\n',
      errors: [
        {
          line: 2,
          column: 5,
          endColumn: 17,
          message: 'pin the version of `tomcat` (`zypper install <package>=<version>`)',
        },
      ],
    },
  ],
});
