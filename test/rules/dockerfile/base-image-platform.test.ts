import rule from '../../../src/rules/dockerfile/base-image-platform.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { code: 'FROM --platform=windows/amd64 mcr.microsoft.com/windows/nanoserver:ltsc2022\n' },
    { code: 'FROM --platform=linux/arm64 alpine:3.20\n' },
    { code: 'FROM --platform=linux/riscv64 debian:trixie\n', name: 'Linux architectures are not judged' },
    { code: 'FROM --platform=$BUILDPLATFORM mcr.microsoft.com/windows/servercore:ltsc2022\n' },
    {
      code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\n',
      name: 'no --platform: the builder decides',
    },
    { code: 'FROM --platform=windows/amd64 acme/tool:1\n', name: 'an image not in the table' },
    { code: 'FROM --platform=windows/amd64 python:3.12\n', name: 'python has Windows variants' },
    { code: 'FROM --platform=linux/arm64 amazonlinux:2023\n' },
  ],
  invalid: [
    {
      code: 'FROM --platform=linux/amd64 mcr.microsoft.com/windows/servercore:ltsc2022\n',
      errors: [
        {
          line: 1,
          column: 17,
          endColumn: 28,
          message:
            'mcr.microsoft.com/windows/servercore:ltsc2022 is published only for windows/amd64: --platform=linux/amd64 matches none of its variants',
        },
      ],
    },
    {
      name: 'Linux-only images, Windows tags, ARG defaults, architectures known exactly',
      code: [
        'ARG WIN=windows/amd64',
        'FROM --platform=${WIN} node:22-alpine AS a',
        'FROM --platform=windows/arm64 golang:1.23-nanoserver AS b',
        'FROM --platform=linux/arm/v7 amazonlinux:2023 AS c',
        '',
      ].join('\n'),
      errors: [
        {
          line: 2,
          column: 17,
          endColumn: 23,
          message: /node:22-alpine is published only for linux: --platform=windows\/amd64/,
        },
        { line: 3, column: 17, message: /only for windows\/amd64: --platform=windows\/arm64/ },
        { line: 4, column: 17, message: /only for linux\/amd64 and linux\/arm64: --platform=linux\/arm\/v7/ },
      ],
    },
  ],
});
