import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { ROOT } from '../helpers/cli.js';

// `npm pack` → install the tarball into an empty folder → run the installed CLI elsewhere. Slow-ish (a
// build and an install). Nothing is fetched: the tarball is unpacked as node_modules/dockaudit and its
// production dependencies are installed there with `npm ci --offline` from the project's lockfile, out of
// npm's cache as `npm ci` of the project left it (a plain `npm install <tarball> --offline` would also need
// the registry's package documents, which `npm ci` does not cache).
const npmVersion = spawnSync('npm', ['--version'], { encoding: 'utf8' });
const haveNpm = npmVersion.status === 0;
if (!haveNpm) {
  const message = 'npm is not available: the npm pack test is skipped';
  if (process.env.DOCKAUDIT_E2E === '1') throw new Error(message);
  console.warn(message);
}

/** The environment for a nested npm: without the npm_* variables of an enclosing `npm test`. */
function npmEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (k.toLowerCase().startsWith('npm_') && !/^npm_config_(cache|userconfig|globalconfig)$/i.test(k))
      continue;
    env[k] = v;
  }
  env.NO_COLOR = '1';
  return env;
}

function run(cmd: string, args: string[], cwd: string, extraEnv: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(cmd, args, {
    cwd,
    env: { ...npmEnv(), ...extraEnv },
    encoding: 'utf8',
    timeout: 240_000,
  });
  return { code: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

const SKIP = new Set(['node_modules', 'dist', '.git', 'coverage', '.tmp']);
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };

let tmp: string;
let packedFiles: string[];
let cli: string;
let bin: string;

describe.skipIf(!haveNpm)('npm package', () => {
  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'dockaudit-pack-'));
    // Pack a copy of the project, so that prepack's build does not touch the working tree's dist/.
    const copy = join(tmp, 'project');
    cpSync(ROOT, copy, {
      recursive: true,
      filter: (src) => !SKIP.has(basename(src)) && !src.endsWith('.tgz'),
    });
    symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');
    mkdirSync(join(tmp, 'out'));
    const packed = run('npm', ['pack', '--json', '--pack-destination', join(tmp, 'out')], copy);
    if (packed.code !== 0) throw new Error(`npm pack failed:\n${packed.stderr}`);
    const info = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('['))) as {
      filename: string;
      files: { path: string }[];
    }[];
    packedFiles = info[0]!.files.map((f) => f.path);
    const tarball = join(tmp, 'out', info[0]!.filename);
    const modules = join(tmp, 'install', 'node_modules');
    mkdirSync(modules, { recursive: true });
    const unpacked = run('tar', ['-xzf', tarball, '-C', modules], tmp);
    if (unpacked.code !== 0) throw new Error(`tar could not unpack ${tarball}:\n${unpacked.stderr}`);
    const installedDir = join(modules, 'dockaudit');
    renameSync(join(modules, 'package'), installedDir);
    cpSync(join(ROOT, 'package-lock.json'), join(installedDir, 'package-lock.json'));
    const installed = run(
      'npm',
      ['ci', '--omit=dev', '--offline', '--ignore-scripts', '--no-audit', '--no-fund'],
      installedDir,
    );
    if (installed.code !== 0)
      throw new Error(
        `npm ci --offline of the package's dependencies failed (run \`npm ci\` in the project first, to fill npm's cache):\n${installed.stderr}`,
      );
    const manifest = JSON.parse(readFileSync(join(installedDir, 'package.json'), 'utf8'));
    cli = join(installedDir, manifest.bin.dockaudit);
    // What npm's bin link runs: the file named by "bin", through its shebang.
    expect(readFileSync(cli, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    bin = join(tmp, 'install', 'dockaudit');
    writeFileSync(bin, `#!/bin/sh\nexec node "${cli}" "$@"\n`, { mode: 0o755 });
  }, 300_000);

  afterAll(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('packs the bundle, README and CHANGELOG, and neither sources nor tests', () => {
    expect(packedFiles).toEqual(
      expect.arrayContaining(['package.json', 'README.md', 'CHANGELOG.md', 'dist/cli.js']),
    );
    expect(packedFiles).toContain('dist/index.js');
    expect(packedFiles).toContain('dist/types/index.d.ts');
    expect(packedFiles.filter((f) => f.startsWith('src/') || f.startsWith('test/'))).toEqual([]);
  });

  it('installs a dockaudit command that lints a file in a clean folder', () => {
    const work = join(tmp, 'clean');
    mkdirSync(work);
    writeFileSync(join(work, 'Dockerfile'), 'FROM scratch\nRUN echo hi\nFOO bar\n');
    const version = run(bin, ['--version'], work);
    expect(version).toMatchObject({ code: 0, stdout: `${pkg.version}\n` });
    const lint = run(bin, ['lint', '-f', 'json', 'Dockerfile'], work);
    expect(lint.stderr).toBe('');
    expect(lint.code).toBe(1);
    const doc = JSON.parse(lint.stdout);
    expect(doc.version).toBe(pkg.version);
    expect(doc.findings.map((f: { rule: string; line: number }) => [f.rule, f.line])).toEqual([
      ['unknown-instruction', 3],
    ]);
    // The installed bundle finds its own package.json for documentation links.
    const sarif = JSON.parse(run(bin, ['lint', '-f', 'sarif', 'Dockerfile'], work).stdout);
    const rule = sarif.runs[0].tool.driver.rules.find((r: { id: string }) => r.id === 'unknown-instruction');
    expect(rule.helpUri).toMatch(/\/docs\/rules\/unknown-instruction\.md$/);
  });

  it("runs action.yml's lint step with the installed CLI", () => {
    const action = parseYaml(readFileSync(join(ROOT, 'action.yml'), 'utf8'));
    const step = action.runs.steps.find((s: { id?: string }) => s.id === 'lint');
    const work = join(tmp, 'action');
    mkdirSync(join(work, 'services', 'api'), { recursive: true });
    writeFileSync(join(work, 'Dockerfile'), 'FROM scratch\nFOO bar\n');
    writeFileSync(join(work, 'services', 'api', 'Containerfile'), 'FROM scratch\nBAR baz\n');
    const outputs = join(tmp, 'github-output');
    const env = {
      DOCKAUDIT_CLI: cli,
      DOCKAUDIT_PATHS: 'Dockerfile\n  services ',
      DOCKAUDIT_FORMAT: 'sarif',
      DOCKAUDIT_THRESHOLD: 'error',
      DOCKAUDIT_OUTPUT: 'dockaudit.sarif',
      DOCKAUDIT_BASELINE: '',
      GITHUB_OUTPUT: outputs,
    };
    writeFileSync(outputs, '');
    const sarif = run('bash', ['-c', step.run], work, env);
    expect(sarif.code).toBe(1);
    expect(readFileSync(outputs, 'utf8')).toBe('exit-code=1\n');
    const log = JSON.parse(readFileSync(join(work, 'dockaudit.sarif'), 'utf8'));
    expect(
      log.runs[0].results.map(
        (r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) =>
          r.locations[0]!.physicalLocation.artifactLocation.uri,
      ),
    ).toEqual(['Dockerfile', 'services/api/Containerfile']);

    writeFileSync(outputs, '');
    const annotations = run('bash', ['-c', step.run], work, {
      ...env,
      DOCKAUDIT_PATHS: '',
      DOCKAUDIT_FORMAT: 'github',
      DOCKAUDIT_THRESHOLD: 'none',
      DOCKAUDIT_OUTPUT: '',
    });
    expect(annotations.code).toBe(0);
    expect(readFileSync(outputs, 'utf8')).toBe('exit-code=0\n');
    expect(annotations.stdout.trimEnd().split('\n')).toEqual([
      expect.stringMatching(/^::error file=Dockerfile,line=2,/),
      expect.stringMatching(/^::error file=services\/api\/Containerfile,line=2,/),
    ]);
    expect(existsSync(join(work, 'dockaudit.sarif'))).toBe(true);
  });
});
