import { describe, expect, it } from 'vitest';
import { imageUser } from '../../../src/rules/compose/lib/user.js';
import { hits, loadText } from './helpers.js';

const rule = 'service-runs-as-root';

describe(rule, () => {
  it('reports an explicit root user at its value', async () => {
    const text =
      'services:\n  a:\n    image: example/a:1\n    user: root\n  b:\n    image: example/b:1\n    user: "0:0"\n';
    expect(await hits(rule, text)).toEqual([
      '4:11-15 warning service a: `user: root` runs the container as root',
      '7:11-16 warning service b: `user: 0:0` runs the container as root',
    ]);
  });

  it('reports well-known root images without user, at the service key', async () => {
    const text = [
      'services:',
      '  web:',
      '    image: nginx:1.27',
      '  mirror:',
      '    image: docker.xuanyuan.run/python:3.10-slim',
      '  db:',
      '    image: postgres:16',
      '  graf:',
      '    image: grafana/grafana:11.0.0',
      '  other:',
      '    image: example/unknown:1',
      '  fixed:',
      '    image: nginx:1.27',
      '    user: "101"',
      '',
    ].join('\n');
    expect(await hits(rule, text)).toEqual([
      '2:3-6 warning service web: no `user`, and nginx:1.27 runs as root',
      '4:3-9 warning service mirror: no `user`, and docker.xuanyuan.run/python:3.10-slim runs as root',
    ]);
  });

  it('reads the final stage USER of a Dockerfile the service builds', async () => {
    const text = [
      'services:',
      '  api:',
      '    build: ./api',
      '  worker:',
      '    build:',
      '      context: ./api',
      '      target: builder',
      '  nonroot:',
      '    build: {context: ., dockerfile: nonroot.Dockerfile}',
      '  scratch:',
      '    build: {context: ., dockerfile: scratch.Dockerfile}',
      '  unknown-base:',
      '    build: {context: ., dockerfile: custom.Dockerfile}',
      '  missing:',
      '    build: ./nowhere',
      '',
    ].join('\n');
    const files = {
      'api/Dockerfile':
        'FROM python:3.12-slim AS builder\nRUN pip install x\nFROM python:3.12-slim\nARG APP_USER=app\nUSER ${APP_USER}\n',
      'nonroot.Dockerfile': 'FROM node:20\nUSER node\n',
      'scratch.Dockerfile': 'FROM scratch\nCOPY app /app\n',
      'custom.Dockerfile': 'FROM example/base:1\nRUN true\n',
    };
    expect(await hits(rule, text, { files })).toEqual([
      '4:3-9 warning service worker: no `user`, and api/Dockerfile (FROM python:3.12-slim) runs as root',
      '10:3-10 warning service scratch: no `user`, and scratch.Dockerfile runs as root',
    ]);
  });

  it('follows FROM <stage> chains and a USER root in the Dockerfile', async () => {
    const text = 'services:\n  api:\n    build: .\n';
    const files = {
      Dockerfile: 'FROM alpine:3.20 AS base\nUSER 1000\nFROM base\nUSER root\nRUN apk add x\n',
    };
    expect(await hits(rule, text, { files })).toEqual([
      '2:3-6 warning service api: no `user`, and Dockerfile runs as root',
    ]);
    const inherited = { Dockerfile: 'FROM alpine:3.20 AS base\nUSER 1000\nFROM base\nRUN true\n' };
    expect(await hits(rule, text, { files: inherited })).toEqual([]);
  });

  it('does not trust an entrypoint-dropping base when the Dockerfile replaces the entrypoint', async () => {
    const text = 'services:\n  db:\n    build: .\n';
    const keeps = { Dockerfile: 'FROM postgres:16\nCOPY init.sql /docker-entrypoint-initdb.d/\n' };
    expect(await hits(rule, text, { files: keeps })).toEqual([]);
    const replaces = { Dockerfile: 'FROM postgres:16\nENTRYPOINT ["postgres"]\n' };
    expect(await hits(rule, text, { files: replaces })).toEqual([]);
    const userOf = async (files: Record<string, string>) =>
      imageUser((await loadText(text, { files })).services[0]!).user;
    expect(await userOf(keeps)).toBe('drops-root');
    expect(await userOf(replaces)).toBe('unknown');
  });
});
