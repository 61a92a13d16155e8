import rule from '../../../src/rules/dockerfile/from-as-casing.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { code: 'FROM debian AS build\n' },
    { code: 'from debian as build\n' },
    { code: 'FROM debian\n' },
    { code: 'From debian as build\nFrom debian AS other\n', name: 'a mixed-case FROM is another rule' },
  ],
  invalid: [
    {
      code: 'FROM debian:latest as builder\n',
      errors: [
        { line: 1, column: 20, endColumn: 22, message: '"as" should match the case of "FROM": write "AS"' },
      ],
      output: 'FROM debian:latest AS builder\n',
    },
    {
      code: 'from debian AS builder\nFROM debian As other\n',
      errors: [
        { line: 1, column: 13, message: '"AS" should match the case of "from": write "as"' },
        { line: 2, column: 13, message: /write "AS"/ },
      ],
      output: 'from debian as builder\nFROM debian AS other\n',
    },
  ],
});
