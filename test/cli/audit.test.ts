import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';

let dir: string;
const examples = join(ROOT, 'examples');

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dockaudit-audit-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('dockaudit audit', () => {
  it('writes dockaudit-report.md by default and says so; exits 0 without a threshold', async () => {
    const r = await runCli(['audit', examples], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(
      /^dockaudit: wrote dockaudit-report\.md: 6 images \(0 measured\), 3 Dockerfiles, \d+ findings/m,
    );
    const md = readFileSync(join(dir, 'dockaudit-report.md'), 'utf8');
    expect(md).toMatch(/^# Dockerfile optimization and image audit$/m);
  });

  it('prints to stdout with -o -, in JSON and in Russian', async () => {
    const r = await runCli(['audit', examples, '-f', 'json', '--lang', 'ru', '-o', '-'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.lang).toBe('ru');
    expect(json.inventory.rows).toHaveLength(6);
    expect(json.images[0].issues[0].id).toBe('B-1');
  });

  it('exits 1 with --failure-threshold when findings reach it, 0 with --no-fail', async () => {
    const out = join(dir, 'gate.md');
    expect((await runCli(['audit', examples, '-t', 'error', '-o', out], { cwd: dir })).code).toBe(1);
    expect(
      (await runCli(['audit', examples, '-t', 'error', '--no-fail', '-o', out], { cwd: dir })).code,
    ).toBe(0);
    // --ignore switches rules off as in lint
    const ignored = await runCli(['audit', examples, '-f', 'json', '-o', '-', '--ignore', 'cmd-shell-form'], {
      cwd: dir,
    });
    expect(
      JSON.parse(ignored.stdout).findings.some((f: { rule: string }) => f.rule === 'cmd-shell-form'),
    ).toBe(false);
  });

  it('rejects bad usage with exit code 2 and a clear message', async () => {
    const format = await runCli(['audit', examples, '-f', 'sarif'], { cwd: dir });
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('unknown format "sarif"; use one of: markdown, html, json');
    const lang = await runCli(['audit', examples, '--lang', 'fr'], { cwd: dir });
    expect(lang.code).toBe(2);
    expect(lang.stderr).toContain('unknown language "fr"');
    const image = await runCli(['audit', examples, '--image', 'backend.tar'], { cwd: dir });
    expect(image.code).toBe(2);
    expect(image.stderr).toContain('--image "backend.tar": write NAME=SOURCE');
    const missing = await runCli(['audit', join(dir, 'nope')], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`${join(dir, 'nope')}: no such folder`);
  });

  it('names the file and line of bad input, writes the report anyway and exits 2', async () => {
    const repo = join(dir, 'repo');
    mkdirSync(join(repo, 'api'), { recursive: true });
    mkdirSync(join(repo, 'web'), { recursive: true });
    writeFileSync(join(repo, 'api/Dockerfile'), 'FROM alpine:3.20\nCMD ["true"]\n');
    writeFileSync(join(repo, 'web/Dockerfile'), 'BOGUS nothing\n');
    writeFileSync(join(repo, 'compose.yaml'), 'services:\n  api:\n    build: ./api\n  bad: [\n');
    const r = await runCli(['audit', 'repo', '-o', 'bad.md'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('web/Dockerfile:1:1: not a Dockerfile: unknown instruction "BOGUS"');
    expect(r.stderr).toMatch(/compose\.yaml:\d+:\d+: /);
    const md = readFileSync(join(dir, 'bad.md'), 'utf8');
    expect(md).toContain('web/Dockerfile:1:1');
    expect(existsSync(join(dir, 'bad.md'))).toBe(true);
  });

  // Root reads every file whatever its mode.
  it.skipIf(process.getuid?.() === 0)('reports an unreadable Dockerfile by name', async () => {
    const repo = join(dir, 'locked');
    mkdirSync(repo, { recursive: true });
    writeFileSync(join(repo, 'Dockerfile'), 'FROM alpine:3.20\n');
    chmodSync(join(repo, 'Dockerfile'), 0);
    const r = await runCli(['audit', 'locked', '-o', '-'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Dockerfile: permission denied');
  });
});
