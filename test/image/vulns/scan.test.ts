import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runOnLayers } from '../../../src/image/packages/drive.js';
import { createInventoryAnalyzer } from '../../../src/image/packages/inventory.js';
import { importPath } from '../../../src/image/vulns/db/import.js';
import { VulnDb } from '../../../src/image/vulns/db/store.js';
import { databaseFindings, scanFindings } from '../../../src/image/vulns/findings.js';
import { parseIgnoreFile } from '../../../src/image/vulns/ignore.js';
import { vulnerabilityExitCode } from '../../../src/image/vulns/options.js';
import { scanImagePackages } from '../../../src/image/vulns/scan.js';
import { FIXTURE_LAYERS, FIXTURE_RECORDS, PLANTED, writeFixtureFolder } from './fixture.js';

async function fixtureDb(): Promise<VulnDb> {
  const db = await VulnDb.open(mkdtempSync(join(tmpdir(), 'vulndb-')));
  await importPath(db, writeFixtureFolder());
  return db;
}

const inventory = () => runOnLayers(createInventoryAnalyzer(), FIXTURE_LAYERS);

describe('scanning the fixture image against the fixture OSV database', () => {
  it('yields the planted vulnerabilities and no others', async () => {
    const result = await scanImagePackages(await inventory(), await fixtureDb());
    expect(result.vulnerabilities.map((v) => v.id).sort()).toEqual(PLANTED);
    expect(result.problems).toEqual([]);
    expect(PLANTED).toHaveLength(6);
    expect(FIXTURE_RECORDS.length - PLANTED.length).toBeGreaterThanOrEqual(9);
  });

  it('reports ids, aliases, levels, vectors, versions, paths and layers', async () => {
    const result = await scanImagePackages(await inventory(), await fixtureDb());
    const byId = new Map(result.vulnerabilities.map((v) => [v.id, v]));
    const dsa = byId.get('DSA-5621-1')!;
    expect(dsa.aliases).toEqual(['CVE-2024-0727', 'DEBIAN-CVE-2024-0727']);
    expect(dsa.rating).toEqual({
      level: 'MEDIUM',
      score: 6.1,
      vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N',
      source: 'CVSS_V3',
    });
    expect([dsa.package.name, dsa.installed, dsa.fixed, dsa.package.path, dsa.package.layer]).toEqual([
      'libssl3',
      '3.0.11-1~deb12u2',
      '3.0.13-1~deb12u1',
      'var/lib/dpkg/status',
      0,
    ]);
    const glibc = byId.get('DEBIAN-CVE-2023-4911')!;
    expect([glibc.rating.level, glibc.rating.score, glibc.fixed]).toEqual(['CRITICAL', 9.8, null]);
    const django = byId.get('GHSA-qw25-v68c-qjf3')!;
    expect([django.rating.level, django.rating.source, django.package.layer, django.fixed]).toEqual([
      'HIGH',
      'database',
      1,
      '4.2.8',
    ]);
    expect(byId.get('DSA-0006-1')!.installed).toBe('5.2.15-2');
    // Worst first.
    expect(result.vulnerabilities.map((v) => v.rating.level)).toEqual([
      'CRITICAL',
      'CRITICAL',
      'HIGH',
      'MEDIUM',
      'UNKNOWN',
      'UNKNOWN',
    ]);
  });

  it('filters by severity, unfixed and ignore rules (with expiry)', async () => {
    const inv = await inventory();
    const db = await fixtureDb();
    const high = await scanImagePackages(inv, db, { severities: ['CRITICAL', 'HIGH'] });
    expect(high.vulnerabilities.map((v) => v.id).sort()).toEqual([
      'DEBIAN-CVE-2023-4911',
      'GHSA-aaaa-bbbb-cccc',
      'GHSA-qw25-v68c-qjf3',
    ]);
    const fixedOnly = await scanImagePackages(inv, db, { ignoreUnfixed: true });
    expect(fixedOnly.vulnerabilities.map((v) => v.id)).not.toContain('DEBIAN-CVE-2023-4911');
    expect(fixedOnly.vulnerabilities.map((v) => v.id)).not.toContain('GHSA-left-pad-0000');
    const rules = parseIgnoreFile(
      '# accepted\nCVE-2024-0727\nGHSA-aaaa-bbbb-cccc exp:2024-06-30\n',
      '.trivyignore',
    );
    const ignored = await scanImagePackages(inv, db, {
      ignore: rules,
      now: new Date('2024-06-30T12:00:00Z'),
    });
    expect(ignored.ignored.map((i) => [i.vulnerability.id, i.rule.line])).toEqual([
      ['GHSA-aaaa-bbbb-cccc', 3],
      ['DSA-5621-1', 2],
    ]);
    const later = await scanImagePackages(inv, db, { ignore: rules, now: new Date('2024-07-01T00:00:00Z') });
    expect(later.ignored.map((i) => i.vulnerability.id)).toEqual(['DSA-5621-1']);
    expect(later.expiredRules.map((r) => r.id)).toEqual(['GHSA-aaaa-bbbb-cccc']);
  });

  it('makes findings with DA8001/DA8002 codes and exit codes by threshold', async () => {
    const inv = await inventory();
    const db = await fixtureDb();
    const result = await scanImagePackages(inv, db);
    const findings = scanFindings(result, { image: 'app:1.0' });
    const glibc = findings.find((f) => f.data?.id === 'DEBIAN-CVE-2023-4911')!;
    expect([glibc.code, glibc.rule, glibc.severity, glibc.file]).toEqual([
      'DA8002',
      'vulnerable-package-unfixed',
      'error',
      'app:1.0',
    ]);
    expect(glibc.message).toBe(
      'libc6 2.36-9+deb12u3 is affected by DEBIAN-CVE-2023-4911 (CRITICAL), CVE-2023-4911: no fixed version yet',
    );
    const dsa = findings.find((f) => f.data?.id === 'DSA-5621-1')!;
    expect([dsa.code, dsa.severity]).toEqual(['DA8001', 'warning']);
    expect(dsa.message).toBe(
      'libssl3 3.0.11-1~deb12u2 is affected by DSA-5621-1 (MEDIUM), CVE-2024-0727: fixed in 3.0.13-1~deb12u1',
    );
    expect(vulnerabilityExitCode(result.vulnerabilities, 'none')).toBe(0);
    expect(vulnerabilityExitCode(result.vulnerabilities, 'CRITICAL')).toBe(1);
    const mediumOnly = result.vulnerabilities.filter((v) => v.rating.level === 'MEDIUM');
    expect(vulnerabilityExitCode(mediumOnly, 'HIGH')).toBe(0);
    expect(vulnerabilityExitCode(mediumOnly, 'MEDIUM')).toBe(1);
    const translated = scanFindings(result, {
      image: 'app',
      catalog: {
        lang: 'ru',
        ruleMessage: (id) =>
          id === 'vulnerable-package' ? '{package} {installed}: {id}, исправлено в {fixed}' : undefined,
      },
    });
    expect(translated.find((f) => f.data?.id === 'DSA-5621-1')!.message).toBe(
      'libssl3 3.0.11-1~deb12u2: DSA-5621-1, исправлено в 3.0.13-1~deb12u1',
    );
    expect(translated.find((f) => f.data?.id === 'DEBIAN-CVE-2023-4911')!.message).toMatch(
      /^libc6 .*: no fixed version yet$/,
    );
    const located = scanFindings(result, {
      image: 'app:1.0',
      locate: (layer) =>
        layer === 1 ? { file: 'Dockerfile', line: 7, column: 1, endLine: 7, endColumn: 30 } : null,
    });
    expect(located.find((f) => f.data?.id === 'GHSA-qw25-v68c-qjf3')!.line).toBe(7);
  });

  it('reports a stale database and ecosystems the image needs but the database lacks', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vulndb-'));
    const db = await VulnDb.open(dir);
    const only = writeFixtureFolder(
      FIXTURE_RECORDS.filter((r) => r.affected?.[0]?.package?.ecosystem === 'npm'),
    );
    await importPath(db, only);
    const inv = await inventory();
    const result = await scanImagePackages(inv, db);
    const later = new Date(Date.parse(db.meta.updated) + 10 * 86_400_000);
    const findings = databaseFindings(db, inv, result, { image: 'app', now: later });
    expect(findings.map((f) => [f.code, f.message])).toEqual([
      ['DA8003', 'the vulnerability database was last updated 10 days ago; run `dockaudit db update`'],
      ['DA8004', '6 packages were not checked: the database has no Debian, PyPI advisories'],
    ]);
  });
});
