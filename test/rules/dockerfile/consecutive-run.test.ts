import rule from '../../../src/rules/dockerfile/consecutive-run.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { code: 'FROM debian\nRUN a\nWORKDIR /\nRUN b\n' },
    { code: 'FROM debian\nRUN a && b\nRUN c\n', name: 'a chain was split on purpose' },
    { code: 'FROM debian\nRUN --mount=type=secret,id=a a\nRUN b\n', name: 'different mounts' },
    { code: 'FROM debian\nRUN a\nFROM debian\nRUN b\n', name: 'different stages' },
  ],
  invalid: [
    {
      code: 'FROM debian\nRUN mkdir /app\n# a comment\nRUN chown 1000 /app\n',
      errors: [
        {
          line: 4,
          column: 1,
          endColumn: 4,
          message: 'join this RUN with the one on line 2: each RUN adds a layer',
        },
      ],
    },
    {
      name: 'three in a row, same mounts, exec form',
      code: 'FROM debian\nRUN --mount=type=cache,target=/c a\nRUN --mount=type=cache,target=/c ["b"]\nRUN --mount=type=cache,target=/c sudo c\n',
      errors: [
        { line: 3, column: 1 },
        { line: 4, column: 1, message: /line 3/ },
      ],
    },
  ],
});
