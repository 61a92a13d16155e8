import { describe, expect, it } from 'vitest';
import { lookupBaseImage, tagVariant } from '../../src/data/base-images.js';
import { packageEstimate } from '../../src/data/packages.js';
import { DockerfileAnalysis } from '../../src/dockerfile/analysis.js';
import { parseDockerfile } from '../../src/dockerfile/parse.js';
import { LANGS } from '../../src/i18n/catalog.js';
import { optimizeCatalog } from '../../src/optimize/catalog.js';
import { detectStack } from '../../src/optimize/detect.js';
import { formatBytes } from '../../src/optimize/gains.js';
import { privilegedListens, rewriteNginxConf } from '../../src/optimize/nginx.js';
import { readPackage, splitPackages } from '../../src/optimize/packages.js';
import { readSteps } from '../../src/optimize/steps.js';
import { parseHumanSize } from '../../src/optimize/verify/buildah.js';
import { decodeBuildkitStatus } from '../../src/optimize/verify/buildkit-status.js';
import { smokeCommand } from '../../src/optimize/verify/run.js';
import { FIXTURES } from './helpers.js';

function detect(text: string, context: string | null = null) {
  const model = new DockerfileAnalysis(parseDockerfile(text, 'Dockerfile'));
  return detectStack({ model, steps: readSteps(model), context });
}

describe('stack detection', () => {
  it('reads the stack from the base image, the commands and the context', () => {
    expect(detect('FROM python:3.12-slim\nCMD ["python", "app.py"]\n').stack).toBe('python');
    expect(detect('FROM debian:12\nRUN pip install -r requirements.txt\n').stack).toBe('python');
    expect(
      detect(
        'FROM node:22 AS b\nRUN npm ci\nFROM nginx:1.27\nCOPY --from=b /app/dist /usr/share/nginx/html\n',
      ).stack,
    ).toBe('node-static');
    expect(detect('FROM node:22\nCMD ["node", "index.js"]\n').stack).toBe('node-server');
    expect(
      detect('FROM golang:1.22 AS b\nRUN go build -o /x .\nFROM scratch\nCOPY --from=b /x /x\n').stack,
    ).toBe('go');
    expect(detect('FROM eclipse-temurin:21\nRUN ./gradlew build\n').stack).toBe('java');
    expect(detect('FROM alpine:3.20\nCMD ["sh"]\n').stack).toBe('generic');
    expect(detect('FROM debian:12\nCMD ["python3", "app.py"]\n', `${FIXTURES}/python-pip`).stack).toBe(
      'python',
    );
  });

  it('knows the package manager, the server, the port and the C library', () => {
    const poetry = detect(
      'FROM python:3.11-slim\nRUN poetry install\nCMD ["gunicorn", "-b", "0.0.0.0:9000", "svc.wsgi:app"]\n',
      `${FIXTURES}/python-poetry`,
    );
    expect(poetry.python).toMatchObject({
      manager: 'poetry',
      manifests: ['pyproject.toml', 'poetry.lock'],
      server: 'gunicorn',
      app: 'svc.wsgi:app',
      healthPath: '/health',
    });
    expect(poetry.port).toBe(9000);
    expect(detect('FROM python:3.12-alpine\n').base).toMatchObject({
      libc: 'musl',
      packager: 'apk',
      version: '3.12',
    });
    expect(detect('FROM python:3.12\n').base).toMatchObject({
      libc: 'glibc',
      packager: 'apt',
      family: 'python',
    });
    const node = detect('FROM node:22\nRUN pnpm install\n', `${FIXTURES}/node-static`);
    expect(node.node).toMatchObject({ manager: 'pnpm', lockfile: 'package-lock.json', buildScript: true });
  });
});

describe('system packages', () => {
  it('splits build tools, runtime packages and fetch tools, mapping -dev to its library with the pin', () => {
    const split = splitPackages(
      ['gcc', 'libpq-dev=15.4-1', 'curl', 'tzdata', 'libfoo-dev', 'zlib1g-dev'].map(readPackage),
      'python',
      'apt',
    );
    expect(split.build.map((p) => p.name)).toEqual(['gcc', 'libpq-dev', 'libfoo-dev', 'zlib1g-dev']);
    expect(split.runtime.map((p) => p.raw)).toEqual(['libpq5=15.4-1', 'tzdata', 'libfoo-dev']);
    expect(split.fetch.map((p) => p.name)).toEqual(['curl']);
    expect(split.unknownDev).toEqual(['libfoo-dev']);
    expect(splitPackages([readPackage('nodejs')], 'node-static', 'apt').build).toHaveLength(1);
    expect(splitPackages([readPackage('nodejs')], 'node-server', 'apt').runtime).toHaveLength(1);
  });
});

describe('size tables', () => {
  it('finds exact tags and variants of the same family, with their source', () => {
    const exact = lookupBaseImage('python:3.12-slim')!;
    expect(exact.match).toBe('exact');
    expect(exact.entry.compressedBytes).toBe(43_188_023);
    expect(exact.entry.source).toContain('repo-info');
    expect(lookupBaseImage('docker.io/library/python:3.11-slim-bookworm')!.match).toBe('family');
    expect(lookupBaseImage('nginx:1.27-alpine')!.entry.tag).toBe('alpine');
    expect(lookupBaseImage('example.com/x/y:1')).toBeNull();
    expect(tagVariant('22-alpine3.20')).toBe('alpine');
    expect(packageEstimate('gcc=4:12.2.0-3')!.installedBytes).toBe(176_018 * 1024);
    expect(formatBytes(43_188_023)).toBe('43.2 MB');
  });
});

describe('nginx', () => {
  it('moves privileged listens, drops user and puts the pid in /tmp', () => {
    const conf = 'user nginx;\nevents {}\nhttp { server { listen 80; listen [::]:80; listen 8443 ssl; } }\n';
    expect(privilegedListens(conf)).toEqual([80]);
    const out = rewriteNginxConf(conf, 8080)!;
    expect(out).toContain('listen 8080;');
    expect(out).toContain('listen [::]:8080;');
    expect(out).toContain('listen 8443 ssl;');
    expect(out).not.toContain('user nginx');
    expect(out.startsWith('pid /tmp/nginx.pid;')).toBe(true);
    expect(rewriteNginxConf('server { listen 8080; }\n', 8080)).toBeNull();
  });
});

describe('verification helpers', () => {
  it('reads BuildKit status messages into log lines', () => {
    const str = (no: number, s: string) =>
      Buffer.concat([Buffer.from([(no << 3) | 2, Buffer.byteLength(s)]), Buffer.from(s)]);
    const vertex = Buffer.concat([str(1, 'sha256:x'), str(3, '[2/3] RUN make'), str(7, 'exit code: 2')]);
    const log = Buffer.concat([str(1, 'sha256:x'), str(4, 'cc: not found\nmake: *** [all] Error 1\n')]);
    const msg = Buffer.concat([
      Buffer.from([(1 << 3) | 2, vertex.length]),
      vertex,
      Buffer.from([(3 << 3) | 2, log.length]),
      log,
    ]);
    expect(decodeBuildkitStatus(msg.toString('base64'))).toEqual([
      'ERROR [2/3] RUN make: exit code: 2',
      'cc: not found',
      'make: *** [all] Error 1',
    ]);
  });

  it('chooses the smoke check: --smoke, else the health check, else the other image’s', () => {
    expect(smokeCommand('test -f /x', null, null)).toEqual(['/bin/sh', '-c', 'test -f /x']);
    expect(smokeCommand('["true"]', null, null)).toEqual(['true']);
    expect(smokeCommand(null, ['CMD', 'wget', '-q', 'x'], null)).toEqual(['wget', '-q', 'x']);
    expect(smokeCommand(null, ['NONE'], ['CMD-SHELL', 'exit 0'])).toEqual(['/bin/sh', '-c', 'exit 0']);
    expect(smokeCommand(null, null, null)).toBeNull();
    expect(parseHumanSize('121 MB')).toBe(121_000_000);
  });
});

describe('optimize catalog', () => {
  it('has every key, non-empty and with the same placeholders, in every language', () => {
    const en = optimizeCatalog.tables.en;
    for (const lang of LANGS)
      for (const key of Object.keys(en) as (keyof typeof en)[]) {
        const text = optimizeCatalog.tables[lang][key];
        expect(text, `${lang} ${key}`).toBeTruthy();
        const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
        expect(holes(text), `${lang} ${key}`).toEqual(holes(en[key]));
      }
  });
});
