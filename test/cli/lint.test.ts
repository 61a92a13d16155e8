import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORMATS } from '../../src/report/types.js';
import { runCli } from '../helpers/cli.js';
import { parseXml } from '../helpers/xml.js';

// End to end: the CLI runs as its own process (from the sources) in a temporary folder.
let dir: string;

const WARNING_ONLY = 'FROM scratch\nRUN echo a && \\\n\n    echo b\n'; // empty-continuation-line
const WITH_ERROR = 'FROM scratch\nFOO bar\n'; // unknown-instruction
const CLEAN = 'FROM scratch\nRUN echo ok\n';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dockaudit-cli-'));
  writeFileSync(join(dir, 'warning.Dockerfile'), WARNING_ONLY);
  writeFileSync(join(dir, 'error.Dockerfile'), WITH_ERROR);
  writeFileSync(join(dir, 'clean.Dockerfile'), CLEAN);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.concurrent('dockaudit lint exit codes', () => {
  const cases: [string, string, number][] = [
    ['warning.Dockerfile', 'error', 0],
    ['warning.Dockerfile', 'warning', 1],
    ['warning.Dockerfile', 'info', 1],
    ['warning.Dockerfile', 'style', 1],
    ['warning.Dockerfile', 'none', 0],
    ['error.Dockerfile', 'error', 1],
    ['error.Dockerfile', 'none', 0],
    ['clean.Dockerfile', 'style', 0],
  ];
  it.each(cases)('%s with --failure-threshold %s exits %i', async (file, threshold, code) => {
    const r = await runCli(['lint', '--failure-threshold', threshold, '-f', 'json', file], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(code);
  });

  it('fails at info by default, never with --no-fail, and exits 2 on usage and input errors', async () => {
    expect((await runCli(['lint', 'warning.Dockerfile'], { cwd: dir })).code).toBe(1);
    expect((await runCli(['lint', '--no-fail', 'error.Dockerfile'], { cwd: dir })).code).toBe(0);
    const missing = await runCli(['lint', '-f', 'json', 'missing/Dockerfile'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(JSON.parse(missing.stdout).errors).toEqual([
      { file: 'missing/Dockerfile', message: 'no such file or directory' },
    ]);
    const badThreshold = await runCli(['lint', '-t', 'severe', 'clean.Dockerfile'], { cwd: dir });
    expect(badThreshold.code).toBe(2);
    expect(badThreshold.stderr).toContain('unknown failure threshold "severe"');
    const badFormat = await runCli(['lint', '-f', 'yaml', 'clean.Dockerfile'], { cwd: dir });
    expect(badFormat.code).toBe(2);
    expect(badFormat.stderr).toContain('unknown format "yaml"');
  });
});

describe.concurrent('dockaudit lint --output', () => {
  it.each(FORMATS.map((f) => [f]))('writes %s to the file atomically, nothing to stdout', async (format) => {
    const out = join(dir, `out-${format}`);
    mkdirSync(out, { recursive: true });
    const target = join(out, 'report');
    writeFileSync(target, 'previous content\n');
    const r = await runCli(['lint', '-f', format, '-o', target, 'error.Dockerfile'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const text = readFileSync(target, 'utf8');
    expect(text).not.toContain('previous content');
    expect(text).toContain(
      format === 'tty' || format === 'markdown' || format === 'github' ? 'FOO' : 'unknown',
    );
    if (format === 'json' || format === 'sarif' || format === 'gitlab') JSON.parse(text);
    if (format === 'checkstyle' || format === 'junit') parseXml(text);
    // No temporary file is left next to the report.
    expect(readdirSync(out)).toEqual(['report']);
  });
});

describe('dockaudit lint inputs', () => {
  it('reads - from stdin and names it after --stdin-filename', async () => {
    const r = await runCli(['lint', '-f', 'json', '--stdin-filename', 'services/web/Dockerfile', '-'], {
      cwd: dir,
      input: WITH_ERROR,
    });
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(
      doc.findings.map((f: { file: string; rule: string; line: number }) => [f.file, f.rule, f.line]),
    ).toEqual([['services/web/Dockerfile', 'unknown-instruction', 2]]);
    expect(doc.summary.files).toBe(1);
  });

  it('lints stdin together with files and folders', async () => {
    const sub = join(dir, 'tree');
    mkdirSync(join(sub, 'ignored'), { recursive: true });
    mkdirSync(join(sub, 'api'), { recursive: true });
    writeFileSync(join(sub, '.gitignore'), 'ignored/\n');
    writeFileSync(join(sub, 'ignored', 'Dockerfile'), WITH_ERROR);
    writeFileSync(join(sub, 'api', 'Containerfile'), WITH_ERROR);
    writeFileSync(join(sub, 'api', 'worker.Dockerfile'), CLEAN);
    const r = await runCli(['lint', '-f', 'json', '-', 'tree', 'clean.Dockerfile'], {
      cwd: dir,
      input: CLEAN,
    });
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc.summary.files).toBe(4);
    expect(doc.findings.map((f: { file: string }) => f.file)).toEqual(['tree/api/Containerfile']);
  });
});

describe('dockaudit --version', () => {
  it("prints package.json's version", async () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    const r = await runCli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(pkg.version);
  });
});
