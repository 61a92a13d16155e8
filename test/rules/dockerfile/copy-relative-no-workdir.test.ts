import rule from '../../../src/rules/dockerfile/copy-relative-no-workdir.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { code: 'COPY bla.sh /usr/local/bin/blubb.sh\n' },
    { code: 'COPY bla.sh "/usr/local/bin/blubb.sh"\n' },
    { code: 'COPY bla.sh c:\\system32\\blubb.sh\nCOPY bla.sh "d:\\mypath\\blubb.sh"\nCOPY a c:/x\n' },
    { code: 'FROM scratch\nWORKDIR /usr\nCOPY bla.sh blubb.sh\n' },
    { code: 'COPY src.sh ${SRC_BASE_ENV}\nCOPY src.sh "$SRC_BASE_ENV"\n', name: 'unknown variables' },
    { code: 'FROM debian as base\nWORKDIR /usr\nFROM debian as other\nRUN foo\nFROM base\nCOPY foo bar\n' },
    {
      code: 'FROM debian as b1\nWORKDIR /usr\nFROM b1 as b2\nFROM b2\nCOPY foo bar\n',
      name: 'deep inheritance',
    },
    { code: 'FROM debian\nONBUILD WORKDIR /usr/local/lib\nONBUILD COPY foo bar\n' },
    {
      code: 'FROM debian\nONBUILD COPY foo bar\nWORKDIR /app\n',
      name: 'a trigger runs after the whole stage',
    },
    { code: 'FROM debian\nARG D=/opt\nCOPY foo $D\n' },
  ],
  invalid: [
    {
      code: 'COPY bla.sh blubb.sh\n',
      errors: [
        {
          line: 1,
          column: 13,
          endColumn: 21,
          message: 'set WORKDIR before copying to the relative destination "blubb.sh"',
        },
      ],
    },
    { code: 'COPY bla.sh "blubb.sh"\n', errors: [{ line: 1, column: 13 }] },
    {
      name: 'WORKDIR of an unrelated stage does not count',
      code: 'FROM debian:buster as stage1\nWORKDIR /usr\nFROM debian:buster\nCOPY foo bar\n',
      errors: [{ line: 4, column: 10 }],
    },
    { code: 'COPY a b\n', errors: [{ line: 1, column: 8 }] },
    {
      name: 'WORKDIR after the COPY',
      code: 'FROM node\nCOPY . .\nWORKDIR /app\n',
      errors: [{ line: 2, column: 8 }],
    },
    {
      name: 'resolved argument',
      code: 'FROM node\nARG D=app\nCOPY . $D/\n',
      errors: [{ line: 3, column: 8, message: /"app\/"/ }],
    },
  ],
});
