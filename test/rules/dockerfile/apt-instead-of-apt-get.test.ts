import rule from '../../../src/rules/dockerfile/apt-instead-of-apt-get.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { code: 'FROM debian\nRUN apt-get install -y curl\n' },
    { code: 'FROM debian\nRUN apt-cache policy curl\n' },
    { code: 'FROM debian\nRUN echo apt install\n' },
  ],
  invalid: [
    {
      code: 'FROM debian\nRUN apt update && apt install -y curl\n',
      errors: [
        {
          line: 2,
          column: 5,
          endLine: 2,
          endColumn: 15,
          message: 'use `apt-get` instead of `apt` in scripts: apt has no stable command-line interface',
        },
        { line: 2, column: 19, endColumn: 30 },
      ],
      output: 'FROM debian\nRUN apt-get update && apt-get install -y curl\n',
    },
    {
      name: 'apt upgrade differs from apt-get upgrade: reported, not rewritten',
      code: 'FROM debian\nRUN /usr/bin/apt full-upgrade -y\n',
      errors: [{ line: 2, column: 5, endColumn: 30 }],
      output: 'FROM debian\nRUN /usr/bin/apt full-upgrade -y\n',
    },
  ],
});
