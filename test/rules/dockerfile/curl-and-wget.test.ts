import rule from '../../../src/rules/dockerfile/curl-and-wget.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { code: 'FROM debian\nRUN curl -fsSLO https://x.example/a && curl -fsSLO https://x.example/b\n' },
    {
      code: 'FROM debian AS a\nRUN wget -q https://x.example/a\nFROM debian\nRUN curl -fsSLO https://x.example/b\n',
      name: 'different stages',
    },
  ],
  invalid: [
    {
      code: 'FROM debian\nRUN wget -q https://x.example/a\nRUN echo\nRUN curl -fsSLO https://x.example/b\nRUN wget -q https://x.example/c\n',
      errors: [
        {
          line: 4,
          column: 5,
          endColumn: 9,
          message: 'this stage uses both wget (line 2) and curl: one download tool is enough',
        },
        {
          line: 5,
          column: 5,
          message: 'this stage uses both curl (line 4) and wget: one download tool is enough',
        },
      ],
    },
    {
      code: 'FROM debian\nRUN wget -q https://x.example/a && curl -O https://x.example/b\n',
      errors: [{ line: 2, column: 36 }],
    },
  ],
});
