import rule from '../../../src/rules/dockerfile/consistent-instruction-casing.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { code: 'FROM alpine\nRUN true\nCMD ["sh"]\n' },
    { code: 'from alpine\nrun true\ncmd ["sh"]\n' },
    { code: 'FROM alpine\nFOO bar\n', name: 'unknown instructions are another rule' },
  ],
  invalid: [
    {
      name: 'majority upper',
      code: 'FROM alpine\nrun apk add curl\nCopy a /a\nCMD ["sh"]\n',
      errors: [
        {
          line: 2,
          column: 1,
          endColumn: 4,
          message: '"run" should be uppercase like most instructions of this file: "RUN"',
        },
        { line: 3, column: 1, endColumn: 5, message: /"Copy" should be uppercase .*"COPY"/ },
      ],
      output: 'FROM alpine\nRUN apk add curl\nCOPY a /a\nCMD ["sh"]\n',
    },
    {
      name: 'majority lower, with global ARGs and ONBUILD triggers',
      code: 'arg v=1\nfrom alpine\nrun true\n  Onbuild RUN make\nENV a=b\n',
      errors: [
        { line: 4, column: 3, endColumn: 10, message: /"Onbuild" should be lowercase/ },
        { line: 4, column: 11, endColumn: 14, message: /"RUN" should be lowercase/ },
        { line: 5, column: 1, message: /"ENV" should be lowercase .*"env"/ },
      ],
      output: 'arg v=1\nfrom alpine\nrun true\n  onbuild run make\nenv a=b\n',
    },
    {
      name: 'global ARGs count too (BuildKit looks at stages only)',
      code: 'arg V=1\nFROM alpine\nRUN true\n',
      errors: [{ line: 1, column: 1, endColumn: 4, message: /"arg" should be uppercase/ }],
      output: 'ARG V=1\nFROM alpine\nRUN true\n',
    },
    {
      name: 'a tie means upper case',
      code: 'from alpine\nRUN true\n',
      errors: [{ line: 1, column: 1, message: /"from" should be uppercase/ }],
      output: 'FROM alpine\nRUN true\n',
    },
  ],
});
