import rule from '../../../src/rules/dockerfile/invalid-default-arg-in-from.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { code: 'ARG TAG=1.36\nFROM busybox:${TAG}\n' },
    { code: 'ARG TAG\nFROM busybox:${TAG:-1.36}\n', name: 'a fallback' },
    { code: 'ARG IMAGE=builder\nFROM alpine AS builder\nFROM ${IMAGE}\n', name: 'a stage name' },
    { code: 'FROM busybox\n', name: 'no variable' },
    { code: 'ARG REG=Registry.Example.com\nFROM ${REG}/app\n', name: 'a registry may have upper case' },
    { code: 'FROM golang:1.23-${TARGETOS}\n', name: 'platform ARGs have values' },
    { code: 'ARG A=alp B=${A}ine\nFROM $B\n', name: 'defaults built from other defaults' },
  ],
  invalid: [
    {
      code: 'ARG TAG\nFROM busybox:${TAG}\n',
      errors: [
        {
          line: 2,
          column: 6,
          endColumn: 20,
          message: 'with the ARG defaults this FROM reads "busybox:", which is not a valid image name',
        },
      ],
    },
    {
      code: 'ARG IMAGE\nFROM $IMAGE AS base\nARG NAME=MyApp\nFROM ${NAME}\n',
      errors: [
        {
          line: 2,
          column: 6,
          endColumn: 12,
          message: 'with the ARG defaults this FROM names no image at all',
        },
        { line: 4, column: 6, message: /names no image/ },
      ],
    },
    {
      name: 'upper case repository',
      code: 'ARG NAME=MyApp\nFROM acme/${NAME}:1\n',
      errors: [{ line: 2, column: 6, message: /reads "acme\/MyApp:1"/ }],
    },
  ],
});
