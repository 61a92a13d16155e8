import healthcheckMissing from '../../../src/rules/dockerfile/healthcheck-missing.js';
import inlineIgnorePragma from '../../../src/rules/dockerfile/inline-ignore-pragma.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(healthcheckMissing, {
  valid: [
    { code: 'FROM scratch\nHEALTHCHECK NONE\n' },
    { code: 'FROM scratch\nHEALTHCHECK CMD /bin/bla\n' },
    { code: 'FROM scratch AS base\nHEALTHCHECK CMD /bin/bla\nFROM base\n' },
    { code: 'FROM scratch AS b1\nFROM b1 AS b2\nFROM b2 AS end\nHEALTHCHECK NONE\n' },
    { code: 'FROM a AS build\nRUN make\nFROM b\nHEALTHCHECK NONE\n', name: 'builder stages need none' },
  ],
  invalid: [
    {
      code: 'FROM scratch\n',
      errors: [
        {
          line: 1,
          column: 6,
          endColumn: 13,
          message: 'the image has no HEALTHCHECK (write HEALTHCHECK NONE if none is wanted)',
        },
      ],
    },
    {
      name: 'bifurcation: the final branch has none',
      code: 'FROM scratch AS b1\nFROM b1 AS b3.1\nFROM b1 AS b3.2\nFROM b3.1 AS end1\nHEALTHCHECK NONE\nFROM b3.2 AS end2\n',
      errors: [{ line: 6, column: 6 }],
    },
    {
      code: 'FROM scratch AS base\nHEALTHCHECK CMD /bin/bla\nFROM scratch\n',
      errors: [{ line: 3, column: 6 }],
    },
  ],
});

testRule(inlineIgnorePragma, {
  valid: [
    { code: '# hadolint shell=powershell\nFROM x\nRUN foo bar\n' },
    { code: '# foobar\nFROM x\n' },
    { code: '# hadolint global ignore=DL3003\nFROM x\n', name: 'global pragmas are not inline' },
    { code: '# hadolint shell=powershell # foobar\nFROM ubuntu\n' },
    { code: 'FROM x\n# hadolint ignore=DL3003 because\nRUN x\n', name: 'not a pragma for hadolint either' },
  ],
  invalid: [
    {
      code: '# hadolint ignore=DL3003\nRUN foo bar\n',
      errors: [
        {
          line: 1,
          column: 1,
          endColumn: 25,
          message: 'avoid inline ignore pragmas; list exceptions in the configuration instead',
        },
      ],
    },
    { code: 'FROM x\n  # dockaudit ignore=cd-in-run reason\nRUN cd /x\n', errors: [{ line: 2, column: 3 }] },
  ],
});
