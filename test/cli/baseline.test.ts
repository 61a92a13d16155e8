import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

let dir: string;

interface JsonFinding {
  rule: string;
  line: number;
  file: string;
}

const lintJson = async (args: string[]) => {
  const r = await runCli(['lint', '-f', 'json', ...args], { cwd: dir });
  return { code: r.code, stderr: r.stderr, findings: JSON.parse(r.stdout).findings as JsonFinding[] };
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dockaudit-baseline-'));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('dockaudit baseline and lint --baseline', () => {
  it('hides recorded findings even after lines move, and reports new ones', async () => {
    writeFileSync(join(dir, 'Dockerfile'), 'FROM scratch\nFOO one\nRUN echo hi\nBAR two\n');
    const created = await runCli(['baseline', '-o', 'known.json', 'Dockerfile'], { cwd: dir });
    expect(created.code).toBe(0);
    expect(created.stderr).toContain('recorded 2 findings of 1 file in known.json');
    const baseline = JSON.parse(readFileSync(join(dir, 'known.json'), 'utf8'));
    expect(baseline.entries.map((e: JsonFinding) => [e.file, e.rule, e.line])).toEqual([
      ['Dockerfile', 'unknown-instruction', 2],
      ['Dockerfile', 'unknown-instruction', 4],
    ]);

    expect((await lintJson(['Dockerfile'])).findings).toHaveLength(2);
    const same = await lintJson(['--baseline', 'known.json', 'Dockerfile']);
    expect(same).toMatchObject({ code: 0, findings: [] });

    // Lines move (a header, a blank line) and the same content appears once more: only that one is new.
    writeFileSync(
      join(dir, 'Dockerfile'),
      '# syntax=docker/dockerfile:1\n\nFROM scratch\nFOO one\nRUN echo hi\n\nBAR two\nFOO one\n',
    );
    const moved = await lintJson(['--baseline', 'known.json', 'Dockerfile']);
    expect(moved.code).toBe(1);
    expect(moved.findings.map((f) => [f.rule, f.line])).toEqual([['unknown-instruction', 8]]);
  });

  it('keeps SARIF fingerprints of the whole run when a baseline hides findings', async () => {
    writeFileSync(join(dir, 'twice.Dockerfile'), 'FROM scratch\nFOO one\n');
    expect((await runCli(['baseline', '-o', 'twice.json', 'twice.Dockerfile'], { cwd: dir })).code).toBe(0);
    writeFileSync(join(dir, 'twice.Dockerfile'), 'FROM scratch\nFOO one\nFOO one\n');
    const all = JSON.parse((await runCli(['lint', '-f', 'sarif', 'twice.Dockerfile'], { cwd: dir })).stdout);
    const onlyNew = JSON.parse(
      (await runCli(['lint', '-f', 'sarif', '--baseline', 'twice.json', 'twice.Dockerfile'], { cwd: dir }))
        .stdout,
    );
    const fp = (r: { partialFingerprints: Record<string, string> }) => r.partialFingerprints['dockaudit/v1'];
    expect(onlyNew.runs[0].results).toHaveLength(1);
    expect(onlyNew.runs[0].results[0].locations[0].physicalLocation.region.startLine).toBe(3);
    // The second occurrence keeps its own fingerprint instead of taking over the first one's.
    expect(fp(onlyNew.runs[0].results[0])).toBe(fp(all.runs[0].results[1]));
    expect(fp(onlyNew.runs[0].results[0])).not.toBe(fp(all.runs[0].results[0]));
  });

  it('exits 2 for a missing or malformed baseline, and writes none when an input is unreadable', async () => {
    writeFileSync(join(dir, 'ok.Dockerfile'), 'FROM scratch\n');
    const missing = await runCli(['lint', '--baseline', 'nope.json', 'ok.Dockerfile'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read baseline nope.json: no such file or directory');
    writeFileSync(join(dir, 'bad.json'), '{"kind":"something else"}');
    const bad = await runCli(['lint', '--baseline', 'bad.json', 'ok.Dockerfile'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('not a dockaudit baseline');
    const unreadable = await runCli(['baseline', '-o', 'never.json', 'ok.Dockerfile', 'absent/Dockerfile'], {
      cwd: dir,
    });
    expect(unreadable.code).toBe(2);
    expect(unreadable.stderr).toContain('absent/Dockerfile: no such file or directory');
    expect(existsSync(join(dir, 'never.json'))).toBe(false);
  });

  it('records stdin under --stdin-filename', async () => {
    const r = await runCli(['baseline', '-o', 'stdin.json', '--stdin-filename', 'app/Dockerfile', '-'], {
      cwd: dir,
      input: 'FROM scratch\nFOO one\n',
    });
    expect(r.code).toBe(0);
    const entries = JSON.parse(readFileSync(join(dir, 'stdin.json'), 'utf8')).entries;
    expect(entries.map((e: JsonFinding) => e.file)).toEqual(['app/Dockerfile']);
  });
});
