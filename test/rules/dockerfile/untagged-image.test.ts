import rule from '../../../src/rules/dockerfile/untagged-image.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { code: 'FROM ruby@sha256:f1dbca0f5dbc9\n', name: 'digest' },
    { code: 'FROM ruby:2\n' },
    { code: 'FROM ${VALUE}\n', name: 'unknown variable' },
    { code: 'FROM scratch\n' },
    {
      code: 'FROM golang:1.22 AS build\nRUN foo\nFROM build as unit-test\nFROM BUILD\n',
      name: 'stages (any case)',
    },
    { code: 'FROM localhost:5000/app:1\n', name: 'registry port is not a tag' },
  ],
  invalid: [
    {
      code: 'FROM debian\n',
      errors: [
        {
          line: 1,
          column: 6,
          endColumn: 12,
          message: 'pin a tag for "debian": without one Docker pulls latest',
        },
      ],
    },
    { code: 'FROM debian AS builder\n', errors: [{ line: 1, column: 6 }] },
    {
      name: 'an untagged image among stages',
      code: 'FROM golang:1.22 AS build\nFROM node as unit-test\nFROM alpine:3.20\n',
      errors: [{ line: 2, column: 6, endColumn: 10 }],
    },
    {
      name: 'build arguments are resolved',
      code: 'ARG BASE=localhost:5000/team/app\nFROM --platform=$BUILDPLATFORM ${BASE}\n',
      errors: [{ line: 2, column: 32, message: /"localhost:5000\/team\/app"/ }],
    },
    {
      name: 'a stage named later is an image here',
      code: 'FROM build\nFROM debian:12 AS build\n',
      errors: [{ line: 1, column: 6 }],
    },
  ],
});
