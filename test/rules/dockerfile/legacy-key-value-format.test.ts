import rule from '../../../src/rules/dockerfile/legacy-key-value-format.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { code: 'FROM alpine\nENV A=1 B="x y"\nLABEL a=b\n' },
    { code: 'FROM alpine\nARG A 1\n', name: 'ARG has no legacy form (another problem)' },
  ],
  invalid: [
    {
      code: 'FROM alpine\nENV APP_HOME /srv/app\n',
      errors: [
        {
          line: 2,
          column: 5,
          endColumn: 22,
          message: 'use "ENV APP_HOME=…" instead of the legacy "ENV APP_HOME …" form',
        },
      ],
      output: 'FROM alpine\nENV APP_HOME=/srv/app\n',
    },
    {
      name: 'values with spaces and quotes are quoted so they keep their meaning',
      code: 'FROM alpine\nLABEL maintainer Jane Doe\nENV MSG "hello world"\nENV MIX x "y z" \'a b\'\nENV P $HOME/bin:$PATH\n',
      errors: [
        { line: 2, column: 7, message: /LABEL maintainer=/ },
        { line: 3, column: 5 },
        { line: 4, column: 5 },
        { line: 5, column: 5 },
      ],
      output:
        'FROM alpine\nLABEL maintainer="Jane Doe"\nENV MSG="hello world"\nENV MIX="x y z a b"\nENV P=$HOME/bin:$PATH\n',
    },
    {
      name: 'escapes and $ keep their meaning inside the new quotes',
      code: 'FROM alpine\nENV A x \\$HOME "q\\"uote" y\n',
      errors: [{ line: 2, column: 5 }],
      output: 'FROM alpine\nENV A="x \\$HOME q\\"uote y"\n',
    },
    {
      name: 'no fix when the value holds a # or an unbalanced quote, or spans lines',
      code: "FROM alpine\nENV A x # y\nENV B it's\nENV C a \\\n  b\nONBUILD ENV D d\n",
      errors: [
        { line: 2, column: 5 },
        { line: 3, column: 5 },
        { line: 4, column: 5, endLine: 5 },
        { line: 6, column: 13 },
      ],
      output: "FROM alpine\nENV A x # y\nENV B it's\nENV C a \\\n  b\nONBUILD ENV D=d\n",
    },
  ],
});
