import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type LintCommandOptions, runLint } from '../../src/cli/lint.js';
import type { Finding } from '../../src/core/finding.js';

const repo = join(import.meta.dirname, 'fixtures', 'hadolint-repo');
let tmp: string;
/** An environment with no HADOLINT_* variables and a home without hadolint configuration. */
let cleanEnv: NodeJS.ProcessEnv;

beforeAll(async () => {
  tmp = await fs.mkdtemp(join(tmpdir(), 'dockaudit-compat-'));
  cleanEnv = { HOME: join(tmp, 'home'), PATH: process.env.PATH };
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

/** Runs `dockaudit lint` in process; returns the exit code and the JSON findings. */
async function lint(paths: string[], options: Partial<LintCommandOptions> = {}) {
  const output = join(tmp, `report-${Math.random().toString(36).slice(2)}.json`);
  const code = await runLint(paths, { format: 'json', output, env: cleanEnv, ...options });
  const report = JSON.parse(await fs.readFile(output, 'utf8')) as { findings: Finding[] };
  const codes = report.findings.map((f) => f.aliases.find((a) => /^(DL|SC)\d+$/.test(a)) ?? f.rule);
  return { code, codes };
}

const file = (name: string) => join(repo, name, 'Dockerfile');

describe('a repository with .hadolint.yaml and hadolint pragmas passes or fails as with hadolint', () => {
  it('api: configuration ignores, overrides below the threshold and line pragmas → pass', async () => {
    const r = await lint([file('api')]);
    expect(r.code).toBe(0);
    expect(r.codes).not.toContain('DL3007');
    expect(r.codes).not.toContain('DL3003');
    expect(r.codes).not.toContain('DL3026');
    expect(r.codes).toContain('DL3045');
  });

  it('web: a pragma with text after the list (no #) ignores nothing → fail', async () => {
    const r = await lint([file('web')]);
    expect(r.codes).toEqual(['DL3003']);
    expect(r.code).toBe(1);
  });

  it('worker: global and stage pragmas → pass', async () => {
    const r = await lint([file('worker')]);
    expect(r.codes).not.toContain('DL3003');
    expect(r.codes).not.toContain('DL3029');
    expect(r.code).toBe(0);
  });

  it('legacy: an error nobody ignored → fail', async () => {
    const r = await lint([file('legacy')]);
    expect(r.codes).toContain('DL3000');
    expect(r.code).toBe(1);
  });

  it('the whole repository fails when one file fails', async () => {
    expect((await lint([repo])).code).toBe(1);
    expect((await lint([file('api'), file('worker')])).code).toBe(0);
  });

  it('command-line flags change the outcome as hadolint flags do', async () => {
    expect((await lint([file('web')], { failureThreshold: 'error' })).code).toBe(0);
    expect((await lint([file('web')], { failureThreshold: 'ignore' })).code).toBe(1);
    expect((await lint([file('web')], { fail: false })).code).toBe(0);
    expect((await lint([file('web')], { ignore: ['DL3003'] })).code).toBe(0);
    expect((await lint([file('api')], { disableIgnorePragma: true })).code).toBe(1);
    expect((await lint([file('api')], { error: ['DL3045'] })).code).toBe(1);
    expect((await lint([file('legacy')], { warning: ['DL3000'], failureThreshold: 'error' })).code).toBe(0);
  });

  it('reads HADOLINT_* environment variables like hadolint', async () => {
    const env = { ...cleanEnv, HADOLINT_IGNORE: 'DL3003,DL3000' };
    expect((await lint([file('web')], { env })).code).toBe(0);
    expect((await lint([file('legacy')], { env })).code).toBe(0);
    expect((await lint([file('web')], { env: { ...cleanEnv, HADOLINT_NOFAIL: 'true' } })).code).toBe(0);
    expect(
      (await lint([file('web')], { env: { ...cleanEnv, HADOLINT_FAILURE_THRESHOLD: 'error' } })).code,
    ).toBe(0);
  });

  it('--config replaces discovery', async () => {
    const config = join(tmp, 'strict.yaml');
    await fs.writeFile(config, 'failure-threshold: style\n');
    // Without the repository's ignore list, python:latest (DL3007) fails the api Dockerfile.
    const r = await lint([file('api')], { config });
    expect(r.codes).toContain('DL3007');
    expect(r.code).toBe(1);
  });
});

describe('configuration discovery', () => {
  it("falls back to hadolint's user-level configuration when no project file is found", async () => {
    const dir = join(tmp, 'outside');
    await fs.mkdir(dir, { recursive: true });
    await fs.copyFile(file('legacy'), join(dir, 'Dockerfile'));
    expect((await lint([join(dir, 'Dockerfile')])).code).toBe(1);
    const home = join(tmp, 'home-with-config');
    await fs.mkdir(join(home, '.config'), { recursive: true });
    await fs.writeFile(join(home, '.config', 'hadolint.yaml'), 'ignored: [DL3000]\n');
    expect((await lint([join(dir, 'Dockerfile')], { env: { HOME: home } })).code).toBe(0);
    const xdg = join(tmp, 'xdg');
    await fs.mkdir(xdg, { recursive: true });
    await fs.writeFile(join(xdg, 'hadolint.yml'), 'failure-threshold: none\n');
    expect((await lint([join(dir, 'Dockerfile')], { env: { HOME: tmp, XDG_CONFIG_HOME: xdg } })).code).toBe(
      0,
    );
  });

  it('uses the nearest configuration upward from each file (monorepos)', async () => {
    const root = join(tmp, 'mono');
    await fs.mkdir(join(root, 'svc', 'deep'), { recursive: true });
    await fs.writeFile(join(root, '.hadolint.yaml'), 'ignored: [DL3000]\n');
    await fs.writeFile(join(root, 'svc', '.dockaudit.yaml'), 'failure-threshold: none\n');
    await fs.copyFile(file('legacy'), join(root, 'Dockerfile'));
    await fs.copyFile(file('web'), join(root, 'svc', 'deep', 'Dockerfile'));
    expect((await lint([join(root, 'Dockerfile')])).code).toBe(0);
    expect((await lint([join(root, 'svc', 'deep', 'Dockerfile')])).code).toBe(0);
  });

  it('an invalid configuration is an input error (exit 2), naming the file and line', async () => {
    const dir = join(tmp, 'bad');
    await fs.mkdir(dir, { recursive: true });
    await fs.writeFile(join(dir, '.hadolint.yaml'), 'ignored: [DL3000]\nfailure-threshold: bogus\n');
    await fs.copyFile(file('legacy'), join(dir, 'Dockerfile'));
    const output = join(tmp, 'bad.json');
    const code = await runLint([join(dir, 'Dockerfile')], { format: 'json', output, env: cleanEnv });
    expect(code).toBe(2);
    const report = JSON.parse(await fs.readFile(output, 'utf8'));
    expect(JSON.stringify(report)).toMatch(/failure-threshold/);
  });

  it('a .dockaudit.yaml rejects unknown keys, a .hadolint.yaml does not', async () => {
    const dir = join(tmp, 'strict-keys');
    await fs.mkdir(dir, { recursive: true });
    await fs.writeFile(join(dir, '.dockaudit.yaml'), 'ignord: [DL3000]\n');
    await fs.copyFile(file('legacy'), join(dir, 'Dockerfile'));
    expect((await lint([join(dir, 'Dockerfile')])).code).toBe(2);
  });
});

describe('--shellcheck without the shellcheck program', () => {
  it('prints one clear line on stderr and lints without it', async () => {
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const path = process.env.PATH;
    process.env.PATH = join(tmp, 'empty-bin');
    try {
      const r = await lint([file('web')], { shellcheck: true });
      expect(r.codes).toEqual(['DL3003']);
      const lines = stderr.mock.calls.map((c) => String(c[0])).filter((l) => l.includes('shellcheck'));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/shellcheck program was not found.*linted without it\n$/);
    } finally {
      process.env.PATH = path;
      stderr.mockRestore();
    }
  });
});

describe('the hadolint gate', () => {
  async function repoWith(config: { name: string; text: string } | null) {
    const dir = await fs.mkdtemp(join(tmp, 'gate-'));
    // An empty continuation line: a dockaudit finding (warning) with no hadolint equivalent.
    await fs.writeFile(join(dir, 'Dockerfile'), 'FROM debian:12.8\nRUN echo a \\\n\n    b\n');
    if (config) await fs.writeFile(join(dir, config.name), config.text);
    return join(dir, 'Dockerfile');
  }

  it('keeps hadolint pass/fail when only .hadolint.yaml configures the repository, and still shows the finding', async () => {
    const r = await lint([await repoWith({ name: '.hadolint.yaml', text: 'failure-threshold: info\n' })]);
    expect(r.codes).toContain('empty-continuation-line');
    expect(r.code).toBe(0);
  });

  it('gates on every rule with .dockaudit.yaml, without configuration, or with --gate all', async () => {
    expect(
      (await lint([await repoWith({ name: '.dockaudit.yaml', text: 'failure-threshold: info\n' })])).code,
    ).toBe(1);
    expect((await lint([await repoWith(null)])).code).toBe(1);
    expect(
      (
        await lint([await repoWith({ name: '.hadolint.yaml', text: 'failure-threshold: info\n' })], {
          gate: 'all',
        })
      ).code,
    ).toBe(1);
    expect((await lint([await repoWith({ name: '.hadolint.yaml', text: 'gate: all\n' })])).code).toBe(1);
  });
});
