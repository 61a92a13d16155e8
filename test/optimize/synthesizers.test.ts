import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/settings.js';
import { fixDockerfileText } from '../../src/fix/dockerfile.js';
import { optimizeDockerfile } from '../../src/optimize/plan.js';
import { dockerfileRules } from '../../src/rules/dockerfile/index.js';
import { optimizeFixture, stageInstructions } from './helpers.js';

describe('python synthesizer', () => {
  const { result } = optimizeFixture('python-pip');
  const builder = stageInstructions(result, 0);
  const runtime = stageInstructions(result, 1);

  it('builds on the full image as builder? no: slim builder with the compilers, runtime on slim', () => {
    expect(builder[0]).toBe('FROM python:3.12-slim AS builder');
    expect(runtime[0]).toBe('FROM python:3.12-slim');
  });

  it('installs compilers and headers in the builder only, the runtime library with the same pin', () => {
    expect(builder.find((l) => l.includes('apt-get install'))).toContain(
      'gcc=4:12.2.0-3 libpq-dev=15.10-0+deb12u1',
    );
    const rt = runtime.find((l) => l.includes('apt-get install'))!;
    expect(rt).toContain('libpq5=15.10-0+deb12u1');
    expect(rt).not.toMatch(/gcc|curl|-dev/);
  });

  it('copies the manifest and installs dependencies before the source, into /opt/venv, with a pip cache mount', () => {
    const copy = builder.indexOf('COPY requirements.txt ./');
    const install = builder.findIndex((l) => l.includes('pip install -r requirements.txt'));
    expect(copy).toBeGreaterThan(builder.indexOf('RUN python -m venv /opt/venv'));
    expect(install).toBe(copy + 1);
    expect(builder[install]).toContain('--mount=type=cache,target=/root/.cache/pip');
    expect(builder[install]).not.toContain('--no-cache-dir');
    expect(runtime).toContain('COPY --from=builder /opt/venv /opt/venv');
  });

  it('runs gunicorn as 10001 with a urllib health check on the found route', () => {
    expect(runtime).toContain('COPY --chown=10001:10001 . .');
    expect(runtime.at(-1)).toBe(
      'CMD ["gunicorn", "--bind", "0.0.0.0:5000", "--workers", "2", "app.main:app"]',
    );
    expect(runtime.at(-2)).toContain("urlopen('http://127.0.0.1:5000/healthz'");
    expect(runtime.at(-3)).toBe('USER 10001:10001');
    expect(runtime.some((l) => l.startsWith('ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1'))).toBe(true);
  });

  it('keeps the user steps of the final stage in order', () => {
    const order = [
      'ARG APP_ENV=production',
      'ENV APP_ENV=${APP_ENV}',
      'COPY --chown=10001:10001 . .',
      'RUN python -m compileall -q app',
      'VOLUME /srv/data',
      'EXPOSE 5000',
    ];
    expect(order.map((o) => runtime.indexOf(o))).toEqual(
      [...order.map((o) => runtime.indexOf(o))].sort((a, b) => a - b),
    );
    expect(order.every((o) => runtime.includes(o))).toBe(true);
  });

  it('never moves compiled wheels across C libraries: alpine stays alpine', () => {
    const alpine = optimizeFixture('python-alpine').result;
    expect(stageInstructions(alpine, 0)[0]).toBe('FROM python:3.12-alpine AS builder');
    expect(stageInstructions(alpine, 1)[0]).toBe('FROM python:3.12-alpine');
    expect(stageInstructions(alpine, 1)).toContain('RUN apk add --no-cache libpq=16.3-r0');
    expect(alpine.changes.find((c) => c.key === 'change.keepLibc')?.data).toEqual({ libc: 'musl' });
  });

  it('drops --reload from uvicorn and installs poetry in the builder', () => {
    const poetry = optimizeFixture('python-poetry').result;
    const b = stageInstructions(poetry, 0);
    expect(b.findIndex((l) => l.includes('pip install --no-cache-dir poetry==1.8.3'))).toBeLessThan(
      b.indexOf('RUN python -m venv /opt/venv'),
    );
    expect(b.some((l) => l.includes('POETRY_VIRTUALENVS_CREATE=false'))).toBe(true);
    expect(stageInstructions(poetry, 1).at(-1)).toBe(
      'CMD ["uvicorn", "app.main:app", "--host", "0.0.0.0", "--port", "8000"]',
    );
  });

  it('keeps a development server when the production one is not a dependency, in exec form', () => {
    const r = optimizeDockerfile(
      'FROM python:3.12-slim\nCOPY . .\nRUN pip install -r requirements.txt\nCMD flask run --host 0.0.0.0\n',
      'Dockerfile',
      { context: null },
    );
    expect(r.dockerfile).toContain('CMD ["flask", "run", "--host", "0.0.0.0"]');
  });
});

describe('node synthesizer', () => {
  it('serves a static build with unprivileged nginx on 8080 and a busybox wget check', () => {
    const { result } = optimizeFixture('node-static');
    const b = stageInstructions(result, 0);
    const r = stageInstructions(result, 1);
    expect(b.slice(0, 3)).toEqual([
      'FROM node:20 AS builder',
      'WORKDIR /app',
      'COPY package.json package-lock.json ./',
    ]);
    expect(b[3]).toBe('RUN --mount=type=cache,target=/root/.npm npm ci');
    expect(b.slice(4)).toEqual(['COPY . .', 'RUN npm run build']);
    expect(r[0]).toBe('FROM nginx:1.27-alpine');
    expect(r).toContain('COPY nginx.conf /etc/nginx/nginx.conf');
    expect(r).toContain('COPY --from=builder /app/dist /usr/share/nginx/html');
    expect(r).toContain('EXPOSE 8080');
    expect(r).toContain('USER 101:101');
    expect(r.at(-1)).toBe('CMD ["nginx", "-e", "stderr", "-g", "daemon off;"]');
    const conf = result.extraFiles.find((f) => f.path === 'nginx.conf')!;
    expect(conf.text).toContain('listen 8080;');
    expect(conf.text).toContain('pid /tmp/nginx.pid;');
    expect(conf.text).not.toMatch(/^\s*user\s/m);
  });

  it('runs a Node server as node (1000) on the slim image of the same version, without npm as PID 1', () => {
    const { result } = optimizeFixture('node-server');
    const b = stageInstructions(result, 0);
    const r = stageInstructions(result, 1);
    expect(b).toContain('RUN npm prune --omit=dev');
    expect(r[0]).toBe('FROM node:22-slim');
    expect(r).toContain('COPY --from=builder --chown=1000:1000 /usr/src/app /usr/src/app');
    expect(r.filter((l) => l.startsWith('COPY'))).toHaveLength(1);
    expect(r).toContain('ENV PORT=3000');
    expect(r.at(-1)).toBe('CMD ["node", "server.js"]');
    expect(r.at(-2)).toContain("fetch('http://127.0.0.1:3000/')");
  });
});

describe('go synthesizer', () => {
  it('builds a static binary with module caches and runs it on distroless nonroot', () => {
    const { result } = optimizeFixture('go');
    const b = stageInstructions(result, 0);
    const r = stageInstructions(result, 1);
    expect(b.slice(0, 4)).toEqual([
      'FROM golang:1.22 AS builder',
      'WORKDIR /src',
      'COPY go.mod ./',
      'RUN --mount=type=cache,target=/go/pkg/mod go mod download',
    ]);
    expect(b.at(-1)).toContain('CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/app ./cmd/api');
    expect(r).toEqual([
      'FROM gcr.io/distroless/static-debian12:nonroot',
      'COPY --from=builder /out/app /app',
      'EXPOSE 8080',
      'USER 65532:65532',
      'ENTRYPOINT ["/app"]',
      'CMD ["--listen", ":8080"]',
    ]);
  });
});

describe('java synthesizer', () => {
  it('resolves dependencies first, packages with a ~/.m2 cache and runs the jar on a JRE', () => {
    const { result } = optimizeFixture('java-maven');
    const b = stageInstructions(result, 0);
    const r = stageInstructions(result, 1);
    expect(b[0]).toBe('FROM maven:3.9-eclipse-temurin-21 AS builder');
    expect(b.slice(2, 4)).toEqual([
      'COPY pom.xml ./',
      'RUN --mount=type=cache,target=/root/.m2 mvn -B -q dependency:go-offline',
    ]);
    expect(b).toContain('RUN --mount=type=cache,target=/root/.m2 mvn -B package -DskipTests');
    expect(r[0]).toBe('FROM eclipse-temurin:21-jre');
    expect(r.at(-1)).toBe('CMD ["java", "-Xmx256m", "-jar", "/app/app.jar"]');
    expect(r.filter((l) => l.startsWith('COPY'))).toEqual([
      'COPY --from=builder --chown=10001:10001 /out/app.jar /app/app.jar',
    ]);
  });
});

describe('generic fallback', () => {
  it('applies only rule-level fixes and keeps the structure', () => {
    const { text, result } = optimizeFixture('generic');
    expect(result.detection.stack).toBe('generic');
    const fixed = fixDockerfileText(text, 'Dockerfile', {
      config: defaultConfig(),
      rules: dockerfileRules,
      unsafe: false,
    });
    expect(fixed.changed).toBe(true);
    // The rules' safe fixes, plus final-stage-root's suggested fix: an unprivileged user after the last RUN.
    const user =
      'RUN groupadd --gid 10001 app && useradd --uid 10001 --gid app --no-create-home --shell /usr/sbin/nologin --no-log-init app\n' +
      'USER 10001:10001\n';
    expect(result.dockerfile).toBe(fixed.output.replace('CMD [', `${user}CMD [`));
    expect(result.dockerfile).toContain('apt-get install -y cowsay');
    expect(result.changes.map((c) => c.key)).toEqual(
      expect.arrayContaining(['change.ruleFixes', 'change.genericUser']),
    );
  });

  it('adds no user where the final-stage-root rule sees none needed, and is stable on its own output', () => {
    const keep = (text: string) => optimizeDockerfile(text, 'Dockerfile', { context: null });
    // A non-root USER already, a server image that steps down itself, a base without user tools.
    for (const text of [
      'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y --no-install-recommends cowsay=3.03+dfsg2-8 && rm -rf /var/lib/apt/lists/*\nUSER nobody\nCMD ["/usr/games/cowsay"]\n',
      'FROM redis:7.2\nCOPY redis.conf /usr/local/etc/redis/redis.conf\nCMD ["redis-server", "/usr/local/etc/redis/redis.conf"]\n',
      'FROM gcr.io/distroless/static-debian12\nCOPY app /app\nCMD ["/app"]\n',
    ])
      expect(keep(text).changes.map((c) => c.key)).not.toContain('change.genericUser');
    const once = keep(
      'FROM alpine:3.20\r\nRUN apk add --no-cache curl=8.9.1-r2\r\nCMD ["curl", "--version"]\r\n',
    );
    expect(once.dockerfile).toContain(
      'RUN apk add --no-cache curl=8.9.1-r2\r\nRUN addgroup -g 10001 -S app && adduser -u 10001 -S -G app -H -s /sbin/nologin app\r\nUSER 10001:10001\r\nCMD',
    );
    expect(keep(once.dockerfile).dockerfile).toBe(once.dockerfile);
  });
});

describe('errors', () => {
  it('refuses a Dockerfile that does not build, naming file and line', () => {
    expect(() => optimizeDockerfile('FROM alpine\nFOO bar\n', 'x/Dockerfile', { context: null })).toThrow(
      /x\/Dockerfile:2:1/,
    );
    expect(() => optimizeDockerfile('# nothing\n', 'y/Dockerfile', { context: null })).toThrow(
      /y\/Dockerfile:1:1: no FROM/,
    );
  });
});

describe('non-POSIX Dockerfiles', () => {
  it('keeps Windows / PowerShell Dockerfiles generic (no Linux stages, the escape directive kept)', () => {
    const text =
      '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN pip install -r requirements.txt; `\n    Write-Host done\nCMD ["python", "app.py"]\n';
    const r = optimizeDockerfile(text, 'Dockerfile', { context: null });
    expect(r.detection.stack).toBe('generic');
    expect(r.dockerfile.startsWith('# escape=`')).toBe(true);
  });
});
