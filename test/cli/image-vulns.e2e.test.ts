/**
 * `dockaudit image` and `dockaudit sbom` on the debootstrap fixture image with a planted advisory:
 * the vulnerability shows up with its layer and path, filters and thresholds change the exit code.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateCycloneDx } from '../../src/sbom/cyclonedx.js';

const E2E = process.env.DOCKAUDIT_E2E === '1';
const root = join(import.meta.dirname, '../..');
const fixtures = process.env.DOCKAUDIT_FIXTURES ?? join(root, '.cache/e2e/fixtures');
const image = join(fixtures, 'debian-minbase.docker.tar');
const present = existsSync(image);

function dockaudit(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'src/cli/main.ts'), ...args], {
    encoding: 'utf8',
    cwd: root,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function plantedDb(): string {
  const dir = mkdtempSync(join(tmpdir(), 'image-vulns-'));
  mkdirSync(join(dir, 'osv'));
  const record = {
    id: 'DSA-9999-1',
    modified: '2024-01-01T00:00:00Z',
    aliases: ['CVE-2099-0001'],
    severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' }],
    affected: [
      {
        package: { ecosystem: 'Debian:12', name: 'bash' },
        ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '99:1' }] }],
      },
    ],
  };
  writeFileSync(join(dir, 'osv', 'DSA-9999-1.json'), JSON.stringify(record));
  expect(dockaudit('db', 'import', join(dir, 'osv'), '--db', join(dir, 'db')).code).toBe(0);
  return join(dir, 'db');
}

describe.skipIf(!present && !E2E)('dockaudit image and sbom with vulnerabilities (fixture image)', () => {
  it('the fixture image is built', () => expect(present).toBe(true));

  it('reports the planted vulnerability with its layer and path, and gates on --vuln-threshold', () => {
    const db = plantedDb();
    const r = dockaudit(
      'image',
      image,
      '--db',
      db,
      '--format',
      'json',
      '--failure-threshold',
      'none',
      '--no-progress',
    );
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    const vulns = report.findings.filter((f: { code: string }) => f.code.startsWith('DA8'));
    expect(
      vulns.map((f: { code: string; severity: string; data: Record<string, unknown> }) => [
        f.code,
        f.severity,
        f.data.id,
        f.data.package,
        f.data.layer,
        f.data.path,
      ]),
    ).toEqual([['DA8001', 'error', 'DSA-9999-1', 'bash', 0, 'var/lib/dpkg/status']]);
    expect(report.vulnerabilities.counts.CRITICAL).toBe(1);
    const gated = ['--db', db, '--format', 'json', '--failure-threshold', 'none', '--no-progress'];
    expect(dockaudit('image', image, ...gated, '--vuln-threshold', 'critical').code).toBe(1);
    expect(
      dockaudit('image', image, ...gated, '--vuln-threshold', 'critical', '--severity', 'LOW').code,
    ).toBe(0);
    expect(dockaudit('image', image, ...gated, '--severity', 'bogus').code).toBe(2);
  });

  it('writes a valid CycloneDX SBOM of the image with its vulnerabilities', async () => {
    const r = dockaudit('sbom', image, '--vulns', '--db', plantedDb());
    expect(r.code).toBe(0);
    expect(await validateCycloneDx(r.stdout)).toBeNull();
    const doc = JSON.parse(r.stdout);
    expect(doc.metadata.component.version).toMatch(/^sha256:/);
    expect(doc.vulnerabilities.map((v: { id: string }) => v.id)).toEqual(['DSA-9999-1']);
  });
});
