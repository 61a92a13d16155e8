import rule from '../../../src/rules/dockerfile/add-instead-of-copy.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { code: 'FROM debian\nADD file.tar /usr/src/app/\n' },
    { code: 'FROM debian\nADD file.gz file.bz2 file.xz file.tgz /usr/src/app/\n' },
    { code: 'FROM debian\nADD http://file.com /usr/src/app/\n' },
    { code: 'FROM debian\nADD "file.tgz" "http://file.com" /usr/src/app/\n' },
    { code: 'FROM debian\nADD git@github.com:moby/buildkit.git /src\n' },
    { code: 'FROM debian\nADD ${URL} /src\n', name: 'unknown build argument' },
    { code: 'FROM debian\nCOPY file /x\n' },
  ],
  invalid: [
    {
      code: 'FROM debian\nADD file /usr/src/app/\n',
      errors: [
        {
          line: 2,
          column: 1,
          endColumn: 4,
          message: 'use COPY for local files and folders: ADD of "file" only copies it',
        },
      ],
      output: 'FROM debian\nCOPY file /usr/src/app/\n',
    },
    {
      name: 'zip is not unpacked by ADD',
      code: 'FROM debian\nadd "file.zip" /usr/src/app/\n',
      errors: [{ line: 2, column: 1, message: /"file.zip"/ }],
      output: 'FROM debian\ncopy "file.zip" /usr/src/app/\n',
    },
    {
      name: 'flags kept, ONBUILD trigger, resolved argument',
      code: 'FROM debian\nARG SRC=conf\nAdd --chown=app:app ${SRC} /etc/app/\nONBUILD ADD . /app\n',
      errors: [
        { line: 3, column: 1, message: /"conf"/ },
        { line: 4, column: 9 },
      ],
      output: 'FROM debian\nARG SRC=conf\nCopy --chown=app:app ${SRC} /etc/app/\nONBUILD COPY . /app\n',
    },
    {
      name: 'no fix when mixed with an archive or with ADD-only flags',
      code: 'FROM debian\nADD conf app.tar.gz /x/\nADD --checksum=sha256:abc conf /x/\n',
      errors: [
        { line: 2, column: 1 },
        { line: 3, column: 1 },
      ],
    },
  ],
});
