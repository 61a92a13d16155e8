import rule from '../../../src/rules/dockerfile/definition-description.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { code: '# VERSION the release\nARG VERSION=1\n# base the base image\nFROM scratch AS base\n' },
    { code: '# a note\n\nARG VERSION=1\n', name: 'an empty line separates it' },
    { code: '# a note\n#\nARG VERSION=1\n', name: 'an empty comment ends the block' },
    { code: '# foo is one of several\nARG bar=1 foo=2\n', name: 'any of the declared names' },
    { code: '# a note\nFROM scratch\n', name: 'a stage without a name has no description' },
    {
      code: '# syntax=docker/dockerfile:1\nARG VERSION=1\n',
      name: 'a parser directive is not a description',
    },
    { code: '# a note\nCOPY . .\n', name: 'other instructions' },
    { code: '# hadolint ignore=DL3006\nFROM base AS app\n', name: 'a pragma is no description' },
  ],
  invalid: [
    {
      code: '# the release\nARG VERSION=1\n',
      errors: [
        {
          line: 1,
          column: 1,
          endColumn: 14,
          message:
            'a comment right above ARG is its description and should start with its name: `# VERSION <description>` (or leave an empty line between)',
        },
      ],
    },
    {
      name: 'stage names are compared lowercased; several ARG names',
      code: '# Build compiles\nFROM golang AS Build\n  # a b\n  ARG a1 a2\n',
      errors: [
        { line: 1, column: 1, message: /above FROM .*`# build <description>`/ },
        { line: 3, column: 3, message: /`# <arg_key> <description>`/ },
      ],
    },
  ],
});
