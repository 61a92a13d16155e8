import rule from '../../../src/rules/dockerfile/workdir-relative.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { code: 'FROM debian\nWORKDIR /usr/local\n' },
    { code: "FROM debian\nWORKDIR '/usr/local'\n" },
    { code: 'FROM debian\nWORKDIR "/usr/local"\n' },
    { code: 'FROM debian\nWORKDIR ${work}\n', name: 'unknown variable' },
    { code: 'FROM debian\nWORKDIR "${dir}/x"\n', name: 'unknown variable in quotes' },
    { code: "FROM windows\nWORKDIR 'C:\\'\n" },
    { code: 'FROM windows\nWORKDIR "C:\\"\n' },
    { code: 'FROM windows\nWORKDIR C:/app\n' },
    { code: 'FROM debian\nWORKDIR /app\nWORKDIR src\n', name: 'relative after absolute' },
    { code: 'FROM debian AS a\nWORKDIR /app\nFROM a\nWORKDIR src\n', name: 'absolute in the parent stage' },
    { code: 'FROM debian\nARG DIR=/srv\nWORKDIR $DIR\n', name: 'resolved absolute' },
  ],
  invalid: [
    {
      code: 'FROM debian\nWORKDIR relative/dir\n',
      errors: [
        {
          line: 2,
          column: 9,
          endColumn: 21,
          message: 'use an absolute WORKDIR: "relative/dir" depends on the base image\'s working directory',
        },
      ],
    },
    { code: "FROM debian\nWORKDIR 'relative/dir'\n", errors: [{ line: 2, column: 9, endColumn: 23 }] },
    { code: 'FROM debian\nWORKDIR "relative/dir"\n', errors: [{ line: 2, column: 9 }] },
    {
      name: 'variables are resolved',
      code: 'FROM debian\nARG DIR=app\nWORKDIR ${DIR}/src\n',
      errors: [{ line: 3, column: 9, message: /"app\/src"/ }],
    },
    {
      name: 'absolute WORKDIR of an unrelated stage does not count',
      code: 'FROM debian AS a\nWORKDIR /app\nFROM debian\nWORKDIR src\n',
      errors: [{ line: 4, column: 9 }],
    },
    {
      name: 'ONBUILD trigger',
      code: 'FROM debian\nONBUILD WORKDIR app\n',
      errors: [{ line: 2, column: 17 }],
    },
  ],
});
