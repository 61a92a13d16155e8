import rule from '../../../src/rules/dockerfile/cmd-shell-form.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { code: 'FROM scratch\nENTRYPOINT ["foo", "bar"]\n' },
    { code: 'FROM scratch\nCMD ["foo", "bar"]\nCMD [ "foo", "bar" ]\n' },
    { code: 'FROM scratch\nHEALTHCHECK CMD [ "foobar" ]\nHEALTHCHECK NONE\n' },
    { code: 'FROM scratch\nCMD [ "/bin/sh", "-c", \\\n      "echo foo && \\\n       echo bar" \\\n    ]\n' },
  ],
  invalid: [
    {
      code: 'FROM node\nENTRYPOINT something\n',
      errors: [
        {
          line: 2,
          column: 12,
          endColumn: 21,
          message: 'write ENTRYPOINT in JSON form, e.g. ENTRYPOINT ["executable", "arg"]',
        },
      ],
      output: 'FROM node\nENTRYPOINT ["something"]\n',
    },
    {
      name: 'quotes and exec removed',
      code: 'FROM node\nCMD exec node \'server.js\' --port "80 80"\n',
      errors: [{ line: 2, column: 5 }],
      output: 'FROM node\nCMD ["node", "server.js", "--port", "80 80"]\n',
    },
    {
      name: 'HEALTHCHECK CMD keeps its flags',
      code: 'FROM node\nHEALTHCHECK --interval=5s CMD curl -f http://localhost/\n',
      errors: [{ line: 2, column: 31, message: /HEALTHCHECK CMD/ }],
      output: 'FROM node\nHEALTHCHECK --interval=5s CMD ["curl", "-f", "http://localhost/"]\n',
    },
    {
      name: 'no fix with shell syntax, variables, globs, builtins',
      code: 'FROM node\nCMD node app.js || exit 1\nCMD echo $HOME\nCMD cat *.log\nCMD cd /x\nCMD a > b\n',
      errors: [
        { line: 2, column: 5 },
        { line: 3, column: 5 },
        { line: 4, column: 5 },
        { line: 5, column: 5 },
        { line: 6, column: 5 },
      ],
    },
    {
      name: 'no fix for an ENTRYPOINT whose stage has a CMD (it would become arguments)',
      code: 'FROM node\nENTRYPOINT node server.js\nCMD ["--help"]\n',
      errors: [{ line: 2, column: 12 }],
    },
    {
      name: 'no fix under a non-POSIX shell; multi-line',
      code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCMD dir\nFROM node\nCMD node \\\n  app.js\n',
      errors: [
        { line: 2, column: 5 },
        { line: 4, column: 5, endLine: 5 },
      ],
      output:
        'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCMD dir\nFROM node\nCMD ["node", "app.js"]\n',
    },
  ],
});
