import cmd from '../../../src/rules/dockerfile/multiple-cmd.js';
import entrypoint from '../../../src/rules/dockerfile/multiple-entrypoint.js';
import healthcheck from '../../../src/rules/dockerfile/multiple-healthcheck.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(cmd, {
  valid: [
    { code: 'CMD /bin/true\n' },
    { code: 'FROM debian as a\nCMD bash\nRUN foo\nFROM debian as b\nCMD another\n' },
    { code: 'FROM debian\nCMD a\nONBUILD CMD b\n', name: 'a trigger is not a CMD of this stage' },
  ],
  invalid: [
    {
      code: 'FROM debian\nCMD bash\nRUN foo\ncmd another\n',
      errors: [
        {
          line: 4,
          column: 1,
          endColumn: 4,
          message: 'this CMD replaces the CMD on line 2, which has no effect',
        },
      ],
    },
    {
      code: 'FROM debian as a\nCMD bash\nCMD x\nCMD another\nFROM debian as b\nCMD another\n',
      errors: [
        { line: 3, column: 1 },
        { line: 4, column: 1, message: /line 3/ },
      ],
    },
  ],
});

testRule(entrypoint, {
  valid: [
    { code: 'FROM busybox\n' },
    { code: 'FROM debian as a\nENTRYPOINT bash\nFROM debian\nENTRYPOINT x\n' },
  ],
  invalid: [
    {
      code: 'FROM debian\nENTRYPOINT bash\nRUN foo\nENTRYPOINT another\n',
      errors: [{ line: 4, column: 1, endColumn: 11, message: /ENTRYPOINT on line 2/ }],
    },
  ],
});

testRule(healthcheck, {
  valid: [
    { code: 'FROM scratch\n' },
    { code: 'FROM scratch\nHEALTHCHECK CMD /bin/bla\n' },
    { code: 'FROM scratch\nHEALTHCHECK CMD /bin/bla1\nFROM scratch\nHEALTHCHECK CMD /bin/bla2\n' },
  ],
  invalid: [
    {
      code: 'FROM scratch\nHEALTHCHECK CMD /bin/bla1\nHEALTHCHECK NONE\n',
      errors: [{ line: 3, column: 1, endColumn: 12 }],
    },
  ],
});
