import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSize } from '../../src/cli/image.js';
import { tempDir, writeDockerArchive } from '../image/helpers/build.js';

const main = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));
const TOKEN = `ghp_${'Zq8Wm3Rt5Yv7'.repeat(3)}`;

function cli(args: string[], input?: Buffer) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', main, ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', CI: '1' },
    ...(input ? { input } : {}),
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let dir: string;
let archive: string;
let dockerfile: string;

beforeAll(async () => {
  dir = await tempDir('da-cli-');
  archive = join(dir, 'app.tar');
  const big = Buffer.alloc(300_000, 7);
  await writeDockerArchive(
    archive,
    {
      layers: [
        [{ path: 'bin/' }, { path: 'bin/sh', content: 'sh' }],
        [{ path: 'opt/' }, { path: 'opt/blob', content: big }],
        [{ path: 'opt/.wh.blob', content: '' }],
      ],
      history: [
        { created_by: '/bin/sh -c #(nop) ADD file:x in / ' },
        { created_by: '/bin/sh -c #(nop)  CMD ["sh"]', empty_layer: true },
        { created_by: `RUN |1 GH_TOKEN=${TOKEN} /bin/sh -c fetch > /opt/blob # buildkit` },
        { created_by: `RUN |1 GH_TOKEN=${TOKEN} /bin/sh -c rm /opt/blob # buildkit` },
      ],
      config: { Env: [`GH_TOKEN=${TOKEN}`] },
    },
    { repoTags: ['example/app:1'] },
  );
  dockerfile = join(dir, 'Dockerfile');
  await fs.writeFile(
    dockerfile,
    'FROM example/base\nARG GH_TOKEN\nRUN fetch > /opt/blob\nRUN rm /opt/blob\n',
  );
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('dockaudit image', () => {
  it('prints JSON with findings, the image data under "image", and exits 1 on findings', () => {
    const r = cli(['image', archive, '--format', 'json', '--dockerfile', dockerfile]);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as {
      findings: Array<{ file: string; line: number; code: string; data: Record<string, unknown> }>;
      image: {
        layers: Array<{ command: string; instruction: { line: number } | null }>;
        dive: { wastedBytes: number };
      };
    };
    const waste = doc.findings.find((f) => f.code === 'DA7010')!;
    expect(waste).toMatchObject({
      file: dockerfile,
      line: 3,
      data: { image: archive, layer: 2, origin: 'yours' },
    });
    expect(doc.findings.some((f) => f.code === 'DA7005' && f.line === 3)).toBe(true);
    expect(doc.image.layers.map((l) => l.instruction?.line ?? null)).toEqual([null, 3, 4]);
    expect(doc.image.dive.wastedBytes).toBe(300_000);
    expect(r.stdout).not.toContain(TOKEN.slice(8));
  });

  it('prints a layer table on the terminal format and never the secret', () => {
    const r = cli(['image', archive]);
    expect(r.stdout).toMatch(/example\/app:1 {2}linux\/amd64 {2}3 layers/);
    expect(r.stdout).toMatch(/dive: efficiency \d+\.\d\d%, wasted 300 kB/);
    expect(r.stdout).toMatch(/ {2}2 +300 kB +300 kB/);
    expect(r.stdout + r.stderr).not.toContain(TOKEN.slice(8));
  });

  it('reads an archive from stdin', () => {
    const r = cli(['image', '-', '--format', 'json', '--no-fail'], require('node:fs').readFileSync(archive));
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { image: { kind: string } }).image.kind).toBe('docker-archive');
  });

  it('applies the dive gates', () => {
    const gated = cli([
      'image',
      archive,
      '--format',
      'json',
      '--ignore',
      'DA7001,DA7002,DA7003,DA7005,DA7010',
      '--lowest-efficiency',
      '0.9',
      '--highest-wasted-bytes',
      '100kB',
    ]);
    const codes = (
      JSON.parse(gated.stdout) as { findings: Array<{ code: string; message: string }> }
    ).findings.map((f) => f.message);
    expect(codes).toEqual([
      expect.stringMatching(/^image efficiency \d+\.\d\d% is below the lowest allowed 90\.00%/),
      "wasted bytes 300 kB exceed the highest allowed 100 kB (dive's definition)",
    ]);
    expect(gated.code).toBe(1);
  });

  it('exits 2 with a clear message on bad input and bad options', () => {
    const missing = cli(['image', join(dir, 'missing.tar'), '--format', 'json']);
    expect(missing.code).toBe(2);
    expect(JSON.parse(missing.stdout).errors).toEqual([
      { file: join(dir, 'missing.tar'), message: 'no such file or folder' },
    ]);
    const bad = cli(['image', archive, '--lowest-efficiency', '2']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--lowest-efficiency must be a number from 0 to 1, not "2"');
  });

  it('parses sizes', () => {
    expect(parseSize('20MB')).toBe(20_000_000);
    expect(parseSize('1.5GiB')).toBe(1_610_612_736);
    expect(parseSize('512')).toBe(512);
    expect(() => parseSize('lots')).toThrow(/invalid size "lots"/);
  });
});
