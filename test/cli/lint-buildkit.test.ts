import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

// End to end: BuildKit-equivalent checks through the CLI (build context, # check= directives).
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dockaudit-buildkit-'));
  writeFileSync(join(dir, '.dockerignore'), '*.env\n');
  writeFileSync(join(dir, 'Dockerfile'), 'FROM alpine:3.20\nCOPY app.env /etc/app/\n');
  writeFileSync(join(dir, 'legacy.Dockerfile'), 'FROM alpine:3.20\nENV A 1\n');
  writeFileSync(join(dir, 'legacy-error.Dockerfile'), '# check=error=true\nFROM alpine:3.20\nENV A 1\n');
  writeFileSync(
    join(dir, 'legacy-skip.Dockerfile'),
    '# check=skip=LegacyKeyValueFormat\nFROM alpine:3.20\nENV A 1\n',
  );
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const findings = (stdout: string) =>
  (JSON.parse(stdout) as { findings: { rule: string; severity: string; line: number }[] }).findings.map(
    (f) => `${f.rule}:${f.severity}:${f.line}`,
  );

describe('BuildKit checks through dockaudit lint', () => {
  it('copy-ignored-file runs only with --context', async () => {
    const without = await runCli(['lint', '-f', 'json', 'Dockerfile'], { cwd: dir });
    expect(findings(without.stdout)).not.toContain('copy-ignored-file:warning:2');
    const withContext = await runCli(['lint', '-f', 'json', '--context', '.', 'Dockerfile'], { cwd: dir });
    expect(findings(withContext.stdout)).toContain('copy-ignored-file:warning:2');
  });

  it('# check=error=true turns BuildKit-equivalent findings into errors (exit code follows)', async () => {
    const plain = await runCli(['lint', '-f', 'json', '--failure-threshold', 'error', 'legacy.Dockerfile'], {
      cwd: dir,
    });
    expect(findings(plain.stdout)).toContain('legacy-key-value-format:warning:2');
    expect(plain.code).toBe(0);
    const strict = await runCli(
      ['lint', '-f', 'json', '--failure-threshold', 'error', 'legacy-error.Dockerfile'],
      { cwd: dir },
    );
    expect(findings(strict.stdout)).toContain('legacy-key-value-format:error:3');
    expect(strict.code).toBe(1);
  });

  it('# check=skip= silences the named check', async () => {
    const r = await runCli(['lint', '-f', 'json', 'legacy-skip.Dockerfile'], { cwd: dir });
    expect(findings(r.stdout).filter((f) => f.startsWith('legacy-key-value-format'))).toEqual([]);
  });
});
