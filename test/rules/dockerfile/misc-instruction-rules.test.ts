import instructionOrder from '../../../src/rules/dockerfile/instruction-order.js';
import lnBinSh from '../../../src/rules/dockerfile/ln-bin-sh.js';
import maintainerDeprecated from '../../../src/rules/dockerfile/maintainer-deprecated.js';
import reservedStageName from '../../../src/rules/dockerfile/reserved-stage-name.js';
import userNotNumeric from '../../../src/rules/dockerfile/user-not-numeric.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(instructionOrder, {
  valid: [
    { code: 'FROM foo\nLABEL foo=bar\n' },
    { code: 'ARG A=B\nFROM foo\nLABEL foo=bar\n' },
    { code: '# syntax = docker/dockerfile:1.0-experimental\nFROM node:16-alpine3.13\n' },
    { code: 'FROM foo\nARG A=B\nRUN echo bla\n' },
  ],
  invalid: [
    {
      code: 'LABEL foo=bar\nFROM foo\n',
      errors: [
        {
          line: 1,
          column: 1,
          endColumn: 6,
          message: 'LABEL before the first FROM: only ARG may come before FROM',
        },
      ],
    },
    {
      code: 'ARG X\nENV A=1\nRUN x\nFROM foo\n',
      errors: [
        { line: 2, column: 1 },
        { line: 3, column: 1 },
      ],
    },
  ],
});

testRule(reservedStageName, {
  valid: [{ code: 'FROM foo:bar AS foobar\n' }, { code: 'FROM scratch\n' }],
  invalid: [
    {
      code: 'FROM foo:bar AS scratch\n',
      errors: [
        {
          line: 1,
          column: 17,
          endColumn: 24,
          message: '"scratch" is a reserved word; give the stage another name',
        },
      ],
    },
    { code: 'FROM foo:bar as Context\n', errors: [{ line: 1, column: 17 }] },
  ],
});

testRule(userNotNumeric, {
  valid: [
    { code: 'FROM x\nUSER 12345\n' },
    { code: 'FROM x\nUSER 1234:5678\n' },
    { code: 'ARG APP_UID\nFROM foobar:barfoo\nUSER ${APP_UID}\n', name: 'unknown argument' },
    { code: 'FROM x\nARG UID=1000\nUSER $UID:$UID\n', name: 'resolved numeric' },
  ],
  invalid: [
    {
      code: 'FROM x\nUSER foobar\n',
      errors: [
        {
          line: 2,
          column: 6,
          endColumn: 12,
          message: 'use a numeric user (and group) id instead of "foobar"',
        },
      ],
    },
    {
      code: 'FROM x\nUSER foobar:barfoo\nUSER 1000:staff\n',
      errors: [
        { line: 2, column: 6 },
        { line: 3, column: 6 },
      ],
    },
    { code: 'FROM x\nARG U=app\nONBUILD USER $U\n', errors: [{ line: 3, column: 14, message: /"app"/ }] },
  ],
});

testRule(lnBinSh, {
  valid: [
    { code: 'FROM x\nRUN ln -sf /bin/true /sbin/initctl\n' },
    { code: 'FROM x\nRUN ln -s foo bar && unrelated && something_with /bin/sh\n' },
    {
      code: 'FROM x\nRUN ln -s /bin/sh /usr/local/bin/sh\n',
      name: '/bin/sh as the link target, not the link',
    },
  ],
  invalid: [
    {
      code: 'FROM x\nRUN ln -sfv /bin/bash /bin/sh\n',
      errors: [
        {
          line: 2,
          column: 5,
          endColumn: 30,
          message: 'use SHELL to change the default shell instead of relinking /bin/sh',
        },
      ],
    },
    { code: 'FROM x\nONBUILD RUN ln -sfv /bin/bash /bin/sh\n', errors: [{ line: 2, column: 13 }] },
  ],
});

testRule(maintainerDeprecated, {
  valid: [{ code: 'FROM debian\n' }, { code: 'FROM x\nONBUILD MAINTAINER x\n', name: 'another rule' }],
  invalid: [
    {
      code: 'FROM busybox\nMAINTAINER hudu@mail.com\n',
      errors: [
        {
          line: 2,
          column: 1,
          endColumn: 11,
          message: 'MAINTAINER is deprecated: use LABEL org.opencontainers.image.authors',
        },
      ],
      output: 'FROM busybox\nLABEL org.opencontainers.image.authors="hudu@mail.com"\n',
    },
    {
      name: 'quotes, $ and backslashes stay literal',
      code: 'FROM busybox\nmaintainer "Jo \\"J\\" $x"\n',
      errors: [{ line: 2, column: 1 }],
      output: 'FROM busybox\nlabel org.opencontainers.image.authors="Jo \\\\\\"J\\\\\\" \\$x"\n',
    },
    {
      name: 'before FROM: no fix (a LABEL is not allowed there)',
      code: 'MAINTAINER Lukas\nFROM DEBIAN\n',
      errors: [{ line: 1, column: 1 }],
    },
  ],
});
