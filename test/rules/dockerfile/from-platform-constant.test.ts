import rule from '../../../src/rules/dockerfile/from-platform-constant.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { code: 'FROM --platform=$BUILDPLATFORM golang AS build\n' },
    { code: 'FROM --platform=${TARGETPLATFORM:-linux/amd64} alpine\n', name: 'any substitution' },
    { code: 'FROM --platform=linux/arm64 alpine AS build-arm64\n', name: 'the name says the architecture' },
    { code: 'FROM --platform=linux/amd64 alpine AS linux-tools\n', name: 'the name says the OS' },
    { code: 'FROM --platform=x86_64 alpine AS tools-amd64\n', name: 'normalized before comparing' },
    { code: 'FROM --platform=not/a/valid/platform alpine\n', name: 'an invalid platform is a build error' },
    { code: 'FROM alpine\n' },
  ],
  invalid: [
    {
      code: 'FROM --platform=linux/amd64 golang:1.23 AS build\n',
      errors: [
        {
          line: 1,
          column: 17,
          endColumn: 28,
          message:
            '--platform is the constant "linux/amd64": the stage ignores the platform the build asks for',
        },
      ],
    },
    {
      code: 'FROM --platform="linux/arm/v7" alpine\nFROM --platform=arm64 debian AS x\n',
      errors: [
        { line: 1, column: 17, endColumn: 31, message: /"linux\/arm\/v7"/ },
        { line: 2, column: 17 },
      ],
    },
  ],
});
