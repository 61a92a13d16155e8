import rule from '../../../src/rules/dockerfile/latest-tag.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { code: 'FROM python:3.12-slim\n' },
    { code: 'FROM python\n', name: 'untagged is another rule' },
    {
      code: 'FROM python:latest@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n',
      name: 'digest pins it',
    },
    { code: 'FROM scratch\n' },
    { code: 'FROM python:3.12 AS latest\nFROM latest\n', name: 'a stage named latest' },
    { code: 'ARG TAG\nFROM python:${TAG}\n', name: 'unknown build argument' },
  ],
  invalid: [
    {
      code: 'FROM python:latest\n',
      errors: [
        {
          line: 1,
          column: 6,
          endColumn: 19,
          message: 'pin a version instead of "python:latest": latest changes under you',
        },
      ],
    },
    {
      code: 'ARG TAG=latest\nFROM node:${TAG} AS build\n',
      errors: [{ line: 2, column: 6, endColumn: 17, message: /node:latest/ }],
    },
    {
      code: 'FROM ghcr.io/acme/app:latest\nFROM registry.example.com:5000/x:latest\n',
      errors: [
        { line: 1, column: 6 },
        { line: 2, column: 6 },
      ],
    },
  ],
});
