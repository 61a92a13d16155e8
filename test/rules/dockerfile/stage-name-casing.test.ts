import rule from '../../../src/rules/dockerfile/stage-name-casing.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { code: 'FROM alpine AS builder-base\n' },
    { code: 'FROM alpine\n', name: 'no stage name' },
    { code: 'from alpine as build.1_x\n' },
    { code: 'FROM Alpine\n', name: 'the image name is not a stage name' },
  ],
  invalid: [
    {
      code: 'FROM alpine AS BuilderBase\nCOPY --from=BuilderBase /a /b\n',
      errors: [
        {
          line: 1,
          column: 16,
          endColumn: 27,
          message: 'stage name "BuilderBase" should be lowercase: "builderbase"',
        },
      ],
      output: 'FROM alpine AS builderbase\nCOPY --from=BuilderBase /a /b\n',
    },
    {
      name: 'several stages, on a continued line',
      code: 'FROM node:22 AS DEPS\nFROM node:22 \\\n  AS Build\n',
      errors: [
        { line: 1, column: 17, endColumn: 21 },
        { line: 3, column: 6, endColumn: 11, message: /"Build" should be lowercase: "build"/ },
      ],
      output: 'FROM node:22 AS deps\nFROM node:22 \\\n  AS build\n',
    },
  ],
});
