import rule from '../../../src/rules/dockerfile/apt-no-install-recommends.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { code: 'FROM debian\nRUN apt-get install -y --no-install-recommends curl\n' },
    { code: 'FROM debian\nRUN apt-get -o APT::Install-Recommends=false install -y curl\n' },
    { code: 'FROM debian\nRUN apt-get install -y -o APT::Install-Recommends=0 curl\n' },
    {
      name: 'configured in an earlier RUN',
      code: `FROM debian\nRUN echo 'APT::Install-Recommends "false";' > /etc/apt/apt.conf.d/00-no-recommends\nRUN apt-get install -y curl\n`,
    },
    {
      name: 'configured in the stage built on',
      code: `FROM debian AS base\nRUN printf 'APT::Install-Recommends "0";\\n' > /etc/apt/apt.conf.d/01norec\nFROM base\nRUN apt-get install -y curl\n`,
    },
    {
      name: 'apt configuration copied in',
      code: 'FROM debian\nCOPY apt.conf /etc/apt/apt.conf.d/99local\nRUN apt-get install -y curl\n',
    },
    { code: 'FROM debian\nRUN apt-get update && apt-get upgrade -y\n' },
    { code: 'FROM debian\nRUN aptitude install -y curl\n', name: 'aptitude has its own switch' },
  ],
  invalid: [
    {
      code: 'FROM debian\nRUN apt-get install -y curl\n',
      errors: [
        {
          line: 2,
          column: 5,
          endLine: 2,
          endColumn: 20,
          message: 'add --no-install-recommends to `apt-get install`: recommended packages are not needed',
        },
      ],
      output: 'FROM debian\nRUN apt-get install --no-install-recommends -y curl\n',
    },
    {
      name: 'apt as well, and configuration in an unrelated stage does not count',
      code: `FROM debian AS a\nRUN echo 'APT::Install-Recommends "false";' > /etc/apt/apt.conf.d/x\nFROM debian\nRUN apt update && \\\n    apt install -y curl\n`,
      errors: [{ line: 5, column: 5, endColumn: 16 }],
      output: `FROM debian AS a\nRUN echo 'APT::Install-Recommends "false";' > /etc/apt/apt.conf.d/x\nFROM debian\nRUN apt update && \\\n    apt install --no-install-recommends -y curl\n`,
    },
  ],
});
