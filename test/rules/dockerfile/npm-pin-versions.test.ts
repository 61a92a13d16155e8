import rule from '../../../src/rules/dockerfile/npm-pin-versions.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { code: 'FROM node:22\nRUN npm install\n' },
    { code: 'FROM node:22\nRUN npm ci --omit=dev\n' },
    { code: 'FROM node:22\nRUN npm install --loglevel verbose sax@0.1.1 @org/pkg@">=1 <2"\n' },
    { code: 'FROM node:22\nRUN npm i -g ./pkg-1.0.0.tgz ../lib /opt/x ~/y file:z\n' },
    { code: 'FROM node:22\nRUN npm install git+https://github.com/npm/cli.git#v10.9.0\n' },
    { code: 'FROM node:22\nRUN npm run install\n' },
  ],
  invalid: [
    {
      code: 'FROM node:22\nRUN npm install -g typescript@5.6.3 ts-node\n',
      errors: [
        {
          line: 2,
          column: 5,
          endColumn: 16,
          message: 'pin the version of `ts-node` (`npm install <package>@<version>`)',
        },
      ],
    },
    {
      name: '@latest, scoped packages, a registry value, aliases',
      code: 'FROM node:22\nRUN npm i --registry https://r.example -g npm@latest @angular/cli\n',
      errors: [
        {
          line: 2,
          column: 5,
          endColumn: 10,
          message: 'pin the version of `npm@latest` and `@angular/cli` (`npm install <package>@<version>`)',
        },
      ],
    },
    {
      name: 'a git URL without a ref',
      code: 'FROM node:22\nRUN npm add git+ssh://git@github.com:npm/cli.git\n',
      errors: [{ line: 2, column: 5, endColumn: 12 }],
    },
  ],
});
