import rule from '../../../src/rules/dockerfile/final-stage-root.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { code: 'FROM python:3.12\nUSER app\n' },
    { code: 'FROM python:3.12\nUSER root\n', name: 'an explicit root USER is user-root (DA3002)' },
    {
      code: 'FROM python:3.12 AS base\nUSER app\nFROM base\nCMD ["x"]\n',
      name: 'USER inherited from a stage',
    },
    { code: 'FROM golang:1.22 AS build\nRUN go build\nFROM scratch\nCOPY --from=build /a /a\n' },
    { code: 'FROM gcr.io/distroless/static-debian12:nonroot\nCOPY app /app\n' },
    { code: 'FROM cgr.dev/chainguard/python:latest\nCOPY app /app\n' },
    { code: 'FROM bitnami/redis:7.2\nCOPY x /x\n' },
    { code: 'ARG BASE\nFROM ${BASE}\nCOPY x /x\n', name: 'base image unknown' },
    { code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCOPY x /x\n' },
    {
      name: 'entrypoint drops privileges with gosu',
      code: 'FROM debian:12\nRUN apt-get update && apt-get install -y gosu\nENTRYPOINT ["docker-entrypoint.sh"]\n',
    },
    { code: 'FROM alpine:3.20\nRUN apk add --no-cache su-exec\n' },
    { code: 'FROM debian:12\nCMD ["setpriv", "--reuid=1000", "app"]\n' },
    {
      code: 'FROM redis:7.2\nCOPY redis.conf /usr/local/etc/redis/\nCMD ["redis-server", "/usr/local/etc/redis/redis.conf"]\n',
      name: 'entrypoint of the base steps down',
    },
    { code: 'FROM mcr.microsoft.com/dotnet/runtime-deps:8.0-jammy-chiseled\nCOPY app /app\n' },
    { code: '# escape=`\nFROM microsoft/iis\nRUN Write-Host hi\n', name: 'Windows' },
    { code: 'FROM {{BASE_IMAGE}}\nRUN x\n', name: 'a template' },
  ],
  invalid: [
    {
      code: 'FROM python:3.12-slim\nCOPY . /app\nCMD ["python", "/app/main.py"]\n',
      errors: [
        {
          line: 1,
          column: 6,
          endColumn: 22,
          message:
            'the final image runs as root: no USER in its stage (from python:3.12-slim); create an unprivileged user and switch to it with USER',
        },
      ],
      output:
        'FROM python:3.12-slim\nRUN groupadd --gid 10001 app && useradd --uid 10001 --gid app --no-create-home --shell /usr/sbin/nologin --no-log-init app\nUSER 10001:10001\nCOPY . /app\nCMD ["python", "/app/main.py"]\n',
    },
    {
      name: 'a USER in a builder stage does not count',
      code: 'FROM node:20 AS build\nUSER node\nRUN npm ci\nFROM nginx:1.27-alpine\nCOPY --from=build /app/dist /usr/share/nginx/html\n',
      errors: [{ line: 4, column: 6, message: /nginx:1\.27-alpine/ }],
      output:
        'FROM node:20 AS build\nUSER node\nRUN npm ci\nFROM nginx:1.27-alpine\nRUN addgroup -g 10001 -S app && adduser -u 10001 -S -G app -H -s /sbin/nologin app\nUSER 10001:10001\nCOPY --from=build /app/dist /usr/share/nginx/html\n',
    },
    {
      name: 'the root image of a FROM <stage> chain is named',
      code: 'FROM ubuntu:24.04 AS base\nRUN x\nFROM base\nCMD ["y"]\n',
      errors: [{ line: 3, column: 6, message: /ubuntu:24\.04/ }],
      output:
        'FROM ubuntu:24.04 AS base\nRUN x\nFROM base\nRUN groupadd --gid 10001 app && useradd --uid 10001 --gid app --no-create-home --shell /usr/sbin/nologin --no-log-init app\nUSER 10001:10001\nCMD ["y"]\n',
    },
    {
      name: 'no fix without known user tools',
      code: 'FROM gcr.io/distroless/python3-debian12\nCOPY . /app\n',
      errors: [{ line: 1, column: 6 }],
      output: 'FROM gcr.io/distroless/python3-debian12\nCOPY . /app\n',
    },
    {
      name: 'the user goes after the last RUN, in the case and indentation of the file, CRLF kept',
      code: 'from alpine:3.20\r\n  run apk add --no-cache curl\r\n  cmd ["curl"]',
      errors: [{ line: 1, column: 6 }],
      output:
        'from alpine:3.20\r\n  run apk add --no-cache curl\r\n  run addgroup -g 10001 -S app && adduser -u 10001 -S -G app -H -s /sbin/nologin app\r\n  user 10001:10001\r\n  cmd ["curl"]',
    },
    {
      name: 'package commands of the image decide the tools, not its name',
      code: 'FROM myorg/base:1\nRUN apt-get update\nCMD ["x"]\n',
      errors: [{ line: 1, column: 6 }],
      output:
        'FROM myorg/base:1\nRUN apt-get update\nRUN groupadd --gid 10001 app && useradd --uid 10001 --gid app --no-create-home --shell /usr/sbin/nologin --no-log-init app\nUSER 10001:10001\nCMD ["x"]\n',
    },
    {
      name: 'no fix on amazoncorretto (Amazon Linux, not Debian)',
      code: 'FROM amazoncorretto:21\nCOPY app.jar /app.jar\nCMD ["java", "-jar", "/app.jar"]\n',
      errors: [{ line: 1, column: 6 }],
      output: 'FROM amazoncorretto:21\nCOPY app.jar /app.jar\nCMD ["java", "-jar", "/app.jar"]\n',
    },
    {
      name: 'no fix on an RPM-based image',
      code: 'FROM fedora:40\nRUN dnf -y install x\nCMD ["x"]\n',
      errors: [{ line: 1, column: 6 }],
      output: 'FROM fedora:40\nRUN dnf -y install x\nCMD ["x"]\n',
    },
    {
      code: 'FROM postgres:16\nENTRYPOINT ["/my-entry.sh"]\n',
      errors: [{ line: 1, column: 6 }],
      name: 'entrypoint replaced',
      output:
        'FROM postgres:16\nRUN groupadd --gid 10001 app && useradd --uid 10001 --gid app --no-create-home --shell /usr/sbin/nologin --no-log-init app\nUSER 10001:10001\nENTRYPOINT ["/my-entry.sh"]\n',
    },
  ],
});
