import envSelfReference from '../../../src/rules/dockerfile/env-self-reference.js';
import onbuildInvalidTrigger from '../../../src/rules/dockerfile/onbuild-invalid-trigger.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(onbuildInvalidTrigger, {
  valid: [
    { code: 'FROM x\nONBUILD ADD anything anywhere\nONBUILD RUN a\nONBUILD HEALTHCHECK NONE\n' },
    { code: 'FROM debian:buster\n' },
  ],
  invalid: [
    {
      code: 'FROM x\nONBUILD ONBUILD RUN anything\n',
      errors: [{ line: 2, column: 9, endColumn: 16, message: 'ONBUILD cannot be an ONBUILD trigger' }],
    },
    {
      code: 'FROM x\nONBUILD FROM debian:buster\nonbuild maintainer "BoJack Horseman"\n',
      errors: [
        { line: 2, column: 9, message: /FROM/ },
        { line: 3, column: 9, message: /MAINTAINER/ },
      ],
    },
  ],
});

testRule(envSelfReference, {
  valid: [
    { code: 'FROM x\nENV BLA="blubb"\nENV BLUBB="${BLA}/blubb"\n' },
    { code: 'FROM x\nENV BLA="blubb" BLUBB="${FOOBLA}/blubb" C="$BLAFOO/x" D="BLA/$BLAFOO/BLA"\n' },
    { code: 'FROM x\nARG BLA\nENV BLA=${BLA}\n' },
    { code: 'FROM x\nENV PATH=/bla:${PATH}\nENV PATH=/blubb:${PATH}\n' },
    { code: "FROM x\nENV A=1 B='$A'\n", name: 'single quotes are literal' },
    { code: 'FROM x\nENV A=1 B=\\$A\n', name: 'escaped' },
  ],
  invalid: [
    {
      code: 'FROM x\nENV BLA="blubb" BLUBB="${BLA}/blubb"\n',
      errors: [
        {
          line: 2,
          column: 24,
          endColumn: 30,
          message: '$BLA still has its old value here: it is set in this same ENV; split the instruction',
        },
      ],
    },
    {
      code: 'FROM x\nENV BLA="blubb" BLUBB="$BLA/$BLAFOO/blubb"\n',
      errors: [{ line: 2, column: 24, endColumn: 28 }],
    },
    { code: 'FROM x\nENV PATH=/bla:${PATH} PATH=/blubb:${PATH}\n', errors: [{ line: 2, column: 35 }] },
    {
      name: 'multi-line ENV',
      code: 'FROM x\nENV A=1 \\\n    B=${A:-2}\n',
      errors: [{ line: 3, column: 7, endColumn: 14 }],
    },
  ],
});
