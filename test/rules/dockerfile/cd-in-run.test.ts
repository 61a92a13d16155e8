import rule from '../../../src/rules/dockerfile/cd-in-run.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { code: 'FROM debian\nWORKDIR /opt\n' },
    { code: 'FROM debian\nRUN echo cd /opt\n' },
    { code: 'FROM debian\nRUN ["cdrecord", "x"]\n' },
  ],
  invalid: [
    {
      name: 'final stage: no fix (the image would keep the new directory)',
      code: 'FROM debian\nRUN cd /opt\n',
      errors: [
        { line: 2, column: 5, endColumn: 12, message: 'use WORKDIR to change directory instead of `cd`' },
      ],
    },
    {
      name: 'fix in a builder stage',
      code: 'FROM debian AS build\nRUN cd /src && \\\n    make\nFROM debian\nCOPY --from=build /src/app /app\n',
      errors: [{ line: 2, column: 5, endColumn: 12 }],
      output: 'FROM debian AS build\nWORKDIR /src\nRUN make\nFROM debian\nCOPY --from=build /src/app /app\n',
    },
    {
      name: 'fix when a later absolute WORKDIR comes before anything that depends on the directory',
      code: 'FROM debian\nrun --mount=type=cache,target=/root/.cache cd /src && make install\nENV A=1\nCOPY x /etc/x\nWORKDIR /app\nCMD ["app"]\n',
      errors: [{ line: 2, column: 44 }],
      output:
        'FROM debian\nworkdir /src\nrun --mount=type=cache,target=/root/.cache make install\nENV A=1\nCOPY x /etc/x\nWORKDIR /app\nCMD ["app"]\n',
    },
    {
      name: 'no fix: a later RUN may use the old directory',
      code: 'FROM debian AS build\nRUN cd /src && make\nRUN ./configure\nFROM debian\n',
      errors: [{ line: 2, column: 5 }],
    },
    {
      name: 'no fix: not leading, in a subshell, with ||, with a variable',
      code: 'FROM debian AS b\nRUN make && cd /x\nRUN (cd /x && make)\nRUN cd /x && make || true\nRUN cd $HOME && make\nFROM debian\n',
      errors: [
        { line: 2, column: 13 },
        { line: 3, column: 6 },
        { line: 4, column: 5 },
        { line: 5, column: 5 },
      ],
    },
    {
      name: 'no fix: a stage another stage builds on',
      code: 'FROM debian AS base\nRUN cd /src && make\nFROM base\n',
      errors: [{ line: 2, column: 5 }],
    },
    {
      name: 'through sh -c and in an ONBUILD trigger',
      code: "FROM debian\nRUN sh -c 'cd /x && make'\nONBUILD RUN cd /y\n",
      errors: [
        { line: 2, column: 12 },
        { line: 3, column: 13 },
      ],
    },
  ],
});
