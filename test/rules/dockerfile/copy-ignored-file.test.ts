import { DockerignoreMatcher, parseDockerignore } from '../../../src/context/dockerignore.js';
import type { ContextFacts } from '../../../src/dockerfile/analysis.js';
import rule from '../../../src/rules/dockerfile/copy-ignored-file.js';
import { testRule } from '../../helpers/rule-tester.js';

function contextWith(dockerignore: string | null): ContextFacts {
  const matcher = new DockerignoreMatcher(parseDockerignore(dockerignore ?? '').patterns);
  return {
    root: '/ctx',
    hasIgnoreFile: dockerignore !== null,
    isSent: (path) => !matcher.isExcluded(path),
    matches: () => [],
  };
}

const ignoring = contextWith('*.env\nnode_modules\nsecrets/\n!secrets/public.pem\n');

testRule(rule, {
  docsContext: ignoring,
  valid: [
    { code: 'FROM alpine\nCOPY app.env /app/\n', name: 'no context given' },
    { code: 'FROM alpine\nCOPY app.env /app/\n', context: contextWith(null), name: 'no .dockerignore' },
    {
      code: 'FROM alpine\nCOPY . /app\nCOPY ./src /app/src\nCOPY secrets/public.pem /k\n',
      context: ignoring,
      name: 'sent paths, re-included exceptions',
    },
    {
      code: 'FROM alpine AS b\nFROM alpine\nCOPY --from=b /x.env /y\nADD https://example.com/a.env /a\n',
      context: ignoring,
      name: 'other stages and URLs',
    },
    { code: 'FROM alpine\nARG F\nCOPY $F /app/\n', context: ignoring, name: 'unknown value' },
  ],
  invalid: [
    {
      code: 'FROM alpine\nCOPY package.json node_modules /app/\nADD ./prod.env /etc/\nCOPY config/prod.env /etc/\n',
      context: ignoring,
      errors: [
        {
          line: 2,
          column: 19,
          endColumn: 31,
          message: 'COPY source "node_modules" is excluded by .dockerignore: the builder never receives it',
        },
        { line: 3, column: 5, endColumn: 15, message: /ADD source "\.\/prod\.env"/ },
      ],
    },
    {
      name: 'through variables, in JSON form, inside an excluded folder',
      code: 'FROM alpine\nARG NAME=app\nCOPY ${NAME}.env /app/\nCOPY ["secrets/key.pem", "/k"]\n',
      context: ignoring,
      errors: [
        { line: 3, column: 6, endColumn: 17, message: /"app\.env"/ },
        { line: 4, column: 7, message: /"secrets\/key\.pem"/ },
      ],
    },
  ],
});
