import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCompose } from '../../src/cli/compose.js';
import { FORMATS } from '../../src/report/types.js';

let dir: string;
const out = () => join(dir, 'report.json');

function write(path: string, text: string): string {
  const p = join(dir, path);
  mkdirSync(join(p, '..'), { recursive: true });
  writeFileSync(p, text);
  return p;
}

async function report(paths: string[], extra: Record<string, unknown> = {}) {
  const code = await runCompose(paths, { format: 'json', output: out(), ...extra });
  return { code, json: JSON.parse(readFileSync(out(), 'utf8')) };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dockaudit-compose-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('dockaudit compose', () => {
  it('reports findings as JSON with positions, never secret values, and exits 1', async () => {
    const file = write(
      'a/compose.yaml',
      'services:\n  db:\n    image: postgres\n    environment:\n      POSTGRES_PASSWORD: hunter2\n',
    );
    const { code, json } = await report([file]);
    expect(code).toBe(1);
    const secret = json.findings.find((f: { code: string }) => f.code === 'DA5017');
    expect(secret).toMatchObject({ line: 5, column: 7, endColumn: 24, severity: 'warning' });
    expect(JSON.stringify(json)).not.toContain('hunter2');
    expect(json.compose.projects[0].services).toEqual(['db']);
  });

  it('hides secret values in the code frames of the terminal report', async () => {
    const file = write(
      'tty/compose.yaml',
      'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: hunter2\n',
    );
    const code = await runCompose([file], { format: 'tty', output: out(), color: false });
    const text = readFileSync(out(), 'utf8');
    expect(code).toBe(1);
    expect(text).toContain('POSTGRES_PASSWORD: *******');
    expect(text).not.toContain('hunter2');
  });

  it('never shows a secret value, in any output format', async () => {
    const file = write(
      'formats/compose.yaml',
      'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: hunter2xyz\n      DATABASE_URL: postgres://app:s3cr3tpw@db/app\n',
    );
    for (const format of FORMATS) {
      const code = await runCompose([file], { format, output: out(), color: false });
      const text = readFileSync(out(), 'utf8');
      expect(code, format).toBe(1);
      expect(text, format).not.toMatch(/hunter2xyz|s3cr3tpw/);
      expect(text, format).toMatch(/POSTGRES_PASSWORD|DA5017/);
    }
  });

  it('exits 0 when nothing reaches the threshold', async () => {
    const file = write('b/compose.yaml', 'services:\n  web:\n    image: nginx\n');
    expect((await report([file], { failureThreshold: 'error' })).code).toBe(0);
    expect((await report([file], { fail: false })).code).toBe(0);
    expect(
      (
        await report([file], {
          ignore: ['DA5001', 'DA5002', 'DA5006', 'DA5014', 'DA5015', 'DA5016', 'DA5020'],
        })
      ).json.findings,
    ).toEqual([]);
  });

  it('reports invalid YAML with its position, exits 2 and still checks the other files', async () => {
    const bad = write('c/compose.yaml', 'services:\n  web:\n    image: [nginx\n');
    const good = write('d/compose.yaml', 'services:\n  web:\n    privileged: true\n');
    const { code, json } = await report([bad, good]);
    expect(code).toBe(2);
    expect(json.errors).toHaveLength(1);
    expect(json.errors[0]).toMatchObject({ file: bad, line: 4, column: 1 });
    expect(json.errors[0].message).toMatch(/^invalid YAML: /);
    expect(
      json.findings.some((f: { code: string; file: string }) => f.code === 'DA5003' && f.file === good),
    ).toBe(true);
  });

  it('merges --file files into one project and selects profiles', async () => {
    const base = write(
      'e/compose.yaml',
      'services:\n  web:\n    image: nginx:1.27\n  tools:\n    image: busybox\n    profiles: [debug]\n',
    );
    const prod = write('e/compose.prod.yaml', 'services:\n  web:\n    privileged: true\n');
    const merged = await report([], { file: [base, prod], profile: [] });
    expect(merged.json.compose.projects[0]).toEqual({ files: [base, prod], services: ['web'] });
    const privileged = merged.json.findings.find((f: { code: string }) => f.code === 'DA5003');
    expect(privileged).toMatchObject({ file: prod, line: 3, column: 17 });
  });

  it('reads .dockaudit.yaml next to the project (ignored rules, severities, threshold)', async () => {
    const file = write('cfg/compose.yaml', 'services:\n  web:\n    image: nginx\n    privileged: true\n');
    write(
      'cfg/.dockaudit.yaml',
      'ignored: [DA5001, service-runs-as-root]\nseverity:\n  DA5003: warning\nfailure-threshold: error\n',
    );
    const { code, json } = await report([file]);
    const codes = json.findings.map((f: { code: string }) => f.code);
    expect(codes).not.toContain('DA5001');
    expect(codes).not.toContain('DA5002');
    expect(json.findings.find((f: { code: string }) => f.code === 'DA5003').severity).toBe('warning');
    expect(code).toBe(0);
  });

  it('reports an invalid configuration file as an input error', async () => {
    const file = write('badcfg/compose.yaml', 'services:\n  web:\n    image: nginx:1.27\n');
    write('badcfg/.dockaudit.yaml', 'ignored: [DA5001\n');
    const { code, json } = await report([file]);
    expect(code).toBe(2);
    expect(json.errors[0].file).toContain('.dockaudit.yaml');
  });

  it('refuses files given both ways', async () => {
    await expect(runCompose(['x.yaml'], { file: ['y.yaml'] })).rejects.toThrow(/not both/);
  });
});
