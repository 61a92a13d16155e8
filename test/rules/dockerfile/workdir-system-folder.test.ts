import rule from '../../../src/rules/dockerfile/workdir-system-folder.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { code: 'FROM python:3.12\nWORKDIR /app\nCOPY . .\n' },
    { code: 'FROM python:3.12\nWORKDIR /usr/src/app\nCOPY . .\n' },
    { code: 'FROM python:3.12\nRUN make\nWORKDIR /\n', name: 'WORKDIR / to reset, nothing copied' },
    {
      code: 'FROM debian\nWORKDIR /etc\nCOPY nginx.conf /etc/nginx/nginx.conf\n',
      name: 'absolute destination',
    },
    { code: 'FROM php:8.3-apache\nCOPY . .\n', name: 'base image with its own WORKDIR' },
    { code: 'FROM node:20\nCOPY package.json ./\n', name: 'no WORKDIR at all is DL3045' },
    { code: 'FROM golang:1.22\nCOPY . .\n', name: 'golang sets WORKDIR /go' },
    { code: 'FROM python:3.12\nWORKDIR $DIR\nCOPY . .\n', name: 'unknown folder' },
    { code: 'FROM python:3.12 AS a\nWORKDIR /usr\nFROM python:3.12\nWORKDIR /app\nCOPY . .\n' },
    { code: 'FROM python:3.12\nCOPY . lemur\n', name: 'a folder of its own under /' },
    { code: 'FROM scratch\nCOPY app .\n', name: 'scratch holds nothing else' },
  ],
  invalid: [
    {
      code: 'FROM python:3.12-slim\nWORKDIR /usr\nCOPY . .\n',
      errors: [
        {
          line: 2,
          column: 9,
          endColumn: 13,
          message:
            'WORKDIR /usr is a system folder and a COPY below writes application files into it: use a folder of its own such as /app',
        },
      ],
    },
    {
      code: 'FROM debian\nWORKDIR /root\nCOPY app.py .\nCOPY lib lib\n',
      errors: [{ line: 2, column: 9, message: /WORKDIR \/root/ }],
    },
    {
      name: 'relative WORKDIR resolved',
      code: 'FROM debian\nWORKDIR /usr\nWORKDIR ../etc\nCOPY x.conf .\n',
      errors: [{ line: 3, column: 9, message: /WORKDIR \/etc/ }],
    },
    {
      name: 'WORKDIR inherited from a parent stage',
      code: 'FROM debian AS base\nWORKDIR /\nFROM base\nCOPY . .\n',
      errors: [{ line: 2, column: 9 }],
    },
  ],
});
