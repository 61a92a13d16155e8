import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateCycloneDx } from '../../src/sbom/cyclonedx.js';
import { writeZip } from '../helpers/zip-writer.js';
import { FIXTURE_RECORDS, stripPlant } from '../image/vulns/fixture.js';

const root = join(import.meta.dirname, '../..');

function dockaudit(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'src/cli/main.ts'), ...args], {
    encoding: 'utf8',
    cwd: root,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function rootfs(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rootfs-'));
  mkdirSync(join(dir, 'etc'));
  mkdirSync(join(dir, 'var/lib/dpkg'), { recursive: true });
  mkdirSync(join(dir, 'app/node_modules/left-pad'), { recursive: true });
  writeFileSync(join(dir, 'etc/os-release'), 'ID=debian\nVERSION_ID="12"\n');
  writeFileSync(
    join(dir, 'var/lib/dpkg/status'),
    'Package: libssl3\nStatus: install ok installed\nVersion: 3.0.11-1~deb12u2\nSource: openssl\nArchitecture: amd64\n',
  );
  writeFileSync(join(dir, 'app/node_modules/left-pad/package.json'), '{"name":"left-pad","version":"1.0.0"}');
  return dir;
}

describe('dockaudit sbom', () => {
  it('writes valid CycloneDX 1.6 and SPDX 2.3 for a root filesystem', async () => {
    const dir = rootfs();
    const cdx = dockaudit('sbom', dir, '--name', 'fixture');
    expect(cdx.stderr).toBe('');
    expect(cdx.code).toBe(0);
    expect(await validateCycloneDx(cdx.stdout)).toBeNull();
    expect(
      JSON.parse(cdx.stdout)
        .components.map((c: { purl?: string }) => c.purl)
        .filter(Boolean),
    ).toEqual([
      'pkg:deb/debian/libssl3@3.0.11-1~deb12u2?arch=amd64&distro=debian-12',
      'pkg:npm/left-pad@1.0.0',
    ]);
    const out = join(dir, 'sbom.spdx.json');
    expect(dockaudit('sbom', dir, '--format', 'spdx', '-o', out).code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).spdxVersion).toBe('SPDX-2.3');
  });

  it('exits with 2 and a clear message on bad input', () => {
    const missing = dockaudit('sbom', '/nonexistent/rootfs');
    expect([missing.code, missing.stderr]).toEqual([
      2,
      'dockaudit: /nonexistent/rootfs: no such file or folder\n',
    ]);
    expect(dockaudit('sbom', rootfs(), '--format', 'xml').code).toBe(2);
  });
});

describe('dockaudit sbom --vulns', () => {
  it('adds the vulnerabilities of the local database to the CycloneDX document', async () => {
    const db = mkdtempSync(join(tmpdir(), 'db-'));
    const zip = join(mkdtempSync(join(tmpdir(), 'osv-')), 'all.zip');
    writeFileSync(
      zip,
      writeZip(
        FIXTURE_RECORDS.map((r) => ({ name: `${r.id}.json`, content: JSON.stringify(stripPlant(r)) })),
      ),
    );
    expect(dockaudit('db', 'import', zip, '--db', db).code).toBe(0);
    const r = dockaudit('sbom', rootfs(), '--vulns', '--db', db);
    expect(r.code).toBe(0);
    expect(await validateCycloneDx(r.stdout)).toBeNull();
    const doc = JSON.parse(r.stdout);
    expect(
      doc.vulnerabilities.map((v: { id: string; affects: unknown; ratings: unknown }) => [
        v.id,
        v.affects,
        v.ratings,
      ]),
    ).toEqual([
      [
        'DSA-5621-1',
        [{ ref: 'pkg:deb/debian/libssl3@3.0.11-1~deb12u2?arch=amd64&distro=debian-12' }],
        [
          {
            severity: 'medium',
            score: 6.1,
            vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N',
            method: 'CVSSv31',
          },
        ],
      ],
      ['GHSA-left-pad-0000', [{ ref: 'pkg:npm/left-pad@1.0.0' }], [{ severity: 'unknown' }]],
    ]);
    const empty = dockaudit('sbom', rootfs(), '--vulns', '--db', mkdtempSync(join(tmpdir(), 'db-')));
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/no vulnerability database in .*: run `dockaudit db update` first/);
  });
});

describe('dockaudit db', () => {
  it('imports an OSV archive and shows its status', () => {
    const db = mkdtempSync(join(tmpdir(), 'db-'));
    const zip = join(mkdtempSync(join(tmpdir(), 'osv-')), 'all.zip');
    writeFileSync(
      zip,
      writeZip(
        FIXTURE_RECORDS.map((r) => ({ name: `${r.id}.json`, content: JSON.stringify(stripPlant(r)) })),
      ),
    );
    const imported = dockaudit('db', 'import', zip, '--db', db);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain(`imported ${FIXTURE_RECORDS.length} records from ${zip}`);
    const status = dockaudit('db', 'status', '--db', db, '--format', 'json');
    expect(status.code).toBe(0);
    const parsed = JSON.parse(status.stdout);
    expect([parsed.advisories, parsed.ecosystems, parsed.ageDays]).toEqual([
      14,
      { 'Debian:11': 1, 'Debian:12': 8, PyPI: 2, npm: 3 },
      0,
    ]);
    expect(dockaudit('db', 'status', '--db', db).stdout).toMatch(
      /^database: .*\nupdated: {2}\S+ \(0 days ago\)\nadvisories: 14\n {2}Debian:11 {2}1\n/,
    );
  });

  it('exits with 2 naming the bad file', () => {
    const db = mkdtempSync(join(tmpdir(), 'db-'));
    const bad = join(db, 'bad.json');
    writeFileSync(bad, '{"id": 1}');
    const r = dockaudit('db', 'import', bad, '--db', db);
    expect([r.code, r.stderr]).toEqual([2, `dockaudit: ${bad}: "id" must be a non-empty string\n`]);
    const unreachable = dockaudit(
      'db',
      'update',
      '--db',
      db,
      '--url',
      'http://127.0.0.1:9',
      '--ecosystem',
      'PyPI',
    );
    expect(unreachable.code).toBe(2);
    expect(unreachable.stderr).toMatch(/^dockaudit: http:\/\/127\.0\.0\.1:9\/PyPI\/all\.zip: /);
  });
});
