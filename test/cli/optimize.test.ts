import {
  chmodSync,
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runOptimize } from '../../src/cli/optimize.js';
import { FIXTURES } from '../optimize/helpers.js';

let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
  vi.restoreAllMocks();
});

function copyFixture(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'dockaudit-optimize-'));
  dirs.push(dir);
  cpSync(join(FIXTURES, name), dir, { recursive: true });
  return dir;
}

function silence() {
  const err: string[] = [];
  vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => {
    err.push(String(s));
    return true;
  });
  return err;
}

describe('dockaudit optimize', () => {
  it('JSON: stack, Dockerfile, changes with English and localized text, instructions, .dockerignore', async () => {
    const dir = copyFixture('python-pip');
    const output = join(dir, 'out.json');
    const code = await runOptimize(join(dir, 'Dockerfile'), { format: 'json', lang: 'ru', output });
    expect(code).toBe(0);
    const doc = JSON.parse(readFileSync(output, 'utf8'));
    expect(doc.stack).toBe('python');
    expect(doc.dockerfile).toContain('FROM python:3.12-slim AS builder');
    const nonRoot = doc.changes.find((c: { id: string }) => c.id === 'nonRootUser');
    expect(nonRoot.text).toContain('non-root user app');
    expect(nonRoot.message).toContain('непривилегированного пользователя app');
    expect(nonRoot.rule).toBe('final-stage-root');
    expect(doc.instructions).toHaveLength(12);
    expect(doc.dockerignore).toContain('**/__pycache__');
    expect(doc.dockerfile).toContain('# Логи сразу');
  });

  it('Markdown in Chinese: the tables of seed 000', async () => {
    const dir = copyFixture('node-static');
    const output = join(dir, 'out.md');
    expect(await runOptimize(join(dir, 'Dockerfile'), { format: 'markdown', lang: 'zh', output })).toBe(0);
    const md = readFileSync(output, 'utf8');
    expect(md).toContain('### 优化版 Dockerfile');
    expect(md).toContain('| # | 改动 | 原因(规则、实践) | 预期收益 |');
    expect(md).toContain('### 原 Dockerfile 每条指令的去向');
    expect(md).toContain('### 新文件 nginx.conf');
  });

  it('--write: replaces the Dockerfile keeping a .bak and mode, adds .dockerignore and nginx.conf, never overwrites them', async () => {
    const dir = copyFixture('node-static');
    const file = join(dir, 'Dockerfile');
    const original = readFileSync(file, 'utf8');
    chmodSync(file, 0o640);
    writeFileSync(join(dir, 'nginx.conf'), '# mine\n');
    const err = silence();
    const code = await runOptimize(file, { format: 'json', write: true, output: join(dir, 'o.json') });
    expect(code).toBe(0);
    expect(readFileSync(`${file}.bak`, 'utf8')).toBe(original);
    expect(readFileSync(file, 'utf8')).toContain('FROM node:20 AS builder');
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(readFileSync(join(dir, '.dockerignore'), 'utf8')).toContain('**/node_modules');
    expect(readFileSync(join(dir, 'nginx.conf'), 'utf8')).toBe('# mine\n');
    expect(readFileSync(join(dir, 'nginx.unprivileged.conf'), 'utf8')).toContain('listen 8080;');
    expect(readFileSync(file, 'utf8')).toContain('COPY nginx.unprivileged.conf /etc/nginx/nginx.conf');
    expect(err.join('')).toContain('.bak');
  });

  it('bad input: a clear error naming file and line, exit 2, the file untouched', async () => {
    const dir = copyFixture('generic');
    const file = join(dir, 'Dockerfile');
    writeFileSync(file, 'FROM alpine\nRUN echo ok\nBOGUS x\n');
    const err = silence();
    expect(await runOptimize(file, { write: true, format: 'json' })).toBe(2);
    expect(err.join('')).toMatch(/Dockerfile:3:1: /);
    expect(readFileSync(file, 'utf8')).toBe('FROM alpine\nRUN echo ok\nBOGUS x\n');
    expect(existsSync(`${file}.bak`)).toBe(false);
    expect(await runOptimize(join(dir, 'missing'), {})).toBe(2);
    expect(await runOptimize(file, { context: join(dir, 'nope') })).toBe(2);
  });
});
