import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAuditReport } from '../../src/audit/build.js';
import { ImageSpecError, parseImageSpec } from '../../src/audit/images.js';
import { runAudit } from '../../src/audit/run.js';
import type { AuditReport } from '../../src/audit/types.js';
import { importPath } from '../../src/image/vulns/db/import.js';
import { VulnDb } from '../../src/image/vulns/db/store.js';
import { renderAudit } from '../../src/report/audit/index.js';
import { type TestEntry, writeDockerArchive } from '../image/helpers/build.js';
import { FIXTURE_LAYERS, PLANTED, writeFixtureFolder } from '../image/vulns/fixture.js';

let dir: string;
let archive: string;
let db: string;
let report: AuditReport;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dockaudit-audit-images-'));
  mkdirSync(join(dir, 'repo/app'), { recursive: true });
  writeFileSync(
    join(dir, 'repo/app/Dockerfile'),
    'FROM debian:12\nCOPY . /app\nCMD ["python3", "-m", "app"]\n',
  );
  writeFileSync(join(dir, 'repo/app/main.py'), 'print("hi")\n');
  writeFileSync(
    join(dir, 'repo/compose.yaml'),
    'services:\n  app:\n    build: ./app\n  cache:\n    image: redis:7-alpine\n',
  );
  const layers: TestEntry[][] = FIXTURE_LAYERS.map((l) =>
    l.files.map((f) => ({ path: f.path, content: f.content })),
  );
  archive = join(dir, 'app.tar');
  await writeDockerArchive(archive, { layers });
  db = join(dir, 'db');
  await importPath(await VulnDb.open(db), writeFixtureFolder());
  const run = await runAudit(join(dir, 'repo'), {
    images: [
      { name: 'app', source: archive },
      { name: 'cache', source: archive },
      { name: 'extra', source: archive },
      { name: 'broken', source: join(dir, 'missing.tar') },
    ],
    imageOptions: { vulnerabilities: { db, ignorefile: [] } },
  });
  report = buildAuditReport(run);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('built images in the audit', () => {
  it('reads NAME=SOURCE', () => {
    expect(parseImageSpec('api=registry://localhost:5000/api:1')).toEqual({
      name: 'api',
      source: 'registry://localhost:5000/api:1',
    });
    expect(() => parseImageSpec('api')).toThrow(ImageSpecError);
    expect(() => parseImageSpec('=x.tar')).toThrow(ImageSpecError);
  });

  it('replaces estimates by measured sizes, for built images and compose services alike', () => {
    const rows = Object.fromEntries(report.inventory.rows.map((r) => [r.name, r]));
    expect(rows.app!.size.basis).toBe('measured');
    expect(rows.app!.size.bytes).toBeGreaterThan(0);
    expect(rows.app!.size.detail).toEqual([`measured from ${archive}`]);
    expect(rows.cache!.size.basis).toBe('measured');
    expect(rows.extra).toMatchObject({ kind: 'image', size: { basis: 'measured' } });
    expect(report.summary.measuredImages).toBe(3);
  });

  it('adds the image findings and vulnerabilities to the image’s own section', () => {
    const app = report.images.find((s) => s.names.includes('app'))!;
    expect(app.measured).toMatchObject({ source: archive, layers: 2, user: null });
    expect(app.measured!.vulnerabilities).toEqual({ UNKNOWN: 2, LOW: 0, MEDIUM: 1, HIGH: 1, CRITICAL: 2 });
    const sources = new Set(app.issues.map((i) => i.source));
    expect(sources).toContain('image');
    expect(sources).toContain('vulnerability');
    expect(app.issues.some((i) => i.rule === 'image-runs-as-root')).toBe(true);
    const extra = report.images.find((s) => s.names.includes('extra'))!;
    expect(extra.kind).toBe('image');
    expect(extra.text).toBeNull();
  });

  it('reports the vulnerabilities of every scanned image under security', () => {
    const vulns = report.security.issues.find((i) => i.topic === 'vulnerabilities')!;
    expect(vulns.status).toBe('problem');
    expect(report.security.vulnerabilities.checked).toBe(true);
    expect(report.security.vulnerabilities.images.map((i) => i.name)).toEqual(['app', 'cache', 'extra']);
    const planted = PLANTED.length;
    for (const image of report.security.vulnerabilities.images)
      expect(Object.values(image.counts).reduce((a, b) => a + b, 0)).toBe(planted);
    expect(report.security.rootContainers.map((r) => r.name)).toContain('app');
  });

  it('names an unreadable image as an input error and reports the rest', () => {
    expect(report.errors).toEqual([
      expect.objectContaining({
        file: join(dir, 'missing.tar'),
        message: expect.stringMatching(/^--image broken: /),
      }),
    ]);
    expect(renderAudit(report, 'markdown')).toContain('--image broken');
  });

  it('says how to get a vulnerability database when there is none', async () => {
    const run = await runAudit(join(dir, 'repo'), {
      images: [{ name: 'app', source: archive }],
      imageOptions: { vulnerabilities: { db: join(dir, 'empty-db'), ignorefile: [] } },
    });
    const r = buildAuditReport(run);
    const vulns = r.security.issues.find((i) => i.topic === 'vulnerabilities')!;
    expect(vulns.status).toBe('not-checked');
    expect(r.security.vulnerabilities.note).toContain('dockaudit db update');
  });
});
