import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runOnLayers } from '../../../src/image/packages/drive.js';
import { createInventoryAnalyzer } from '../../../src/image/packages/inventory.js';
import { checkImageVulnerabilities } from '../../../src/image/vulns/check.js';
import { importPath } from '../../../src/image/vulns/db/import.js';
import { VulnDb } from '../../../src/image/vulns/db/store.js';
import { FIXTURE_LAYERS, PLANTED, writeFixtureFolder } from './fixture.js';

describe('checkImageVulnerabilities (what dockaudit image calls)', () => {
  it('notes a missing database and reports nothing', async () => {
    const inventory = await runOnLayers(createInventoryAnalyzer(), FIXTURE_LAYERS);
    const dir = mkdtempSync(join(tmpdir(), 'empty-db-'));
    const check = await checkImageVulnerabilities(inventory, { image: 'app', db: dir, ignorefile: [] });
    expect([check.scan, check.findings, check.exitCode, check.summary.checked]).toEqual([null, [], 0, false]);
    expect(check.notes).toEqual([
      `no vulnerability database in ${dir}: run \`dockaudit db update\` to check packages for known vulnerabilities`,
    ]);
  });

  it('applies --severity, --ignorefile and --vuln-threshold', async () => {
    const inventory = await runOnLayers(createInventoryAnalyzer(), FIXTURE_LAYERS);
    const dir = mkdtempSync(join(tmpdir(), 'db-'));
    await importPath(await VulnDb.open(dir), writeFixtureFolder());
    const now = new Date();
    const all = await checkImageVulnerabilities(inventory, {
      image: 'app',
      db: dir,
      now,
      vulnThreshold: 'critical',
    });
    expect(all.findings.filter((f) => f.code === 'DA8001' || f.code === 'DA8002')).toHaveLength(
      PLANTED.length,
    );
    expect(all.summary.counts).toEqual({ UNKNOWN: 2, LOW: 0, MEDIUM: 1, HIGH: 1, CRITICAL: 2 });
    expect(all.exitCode).toBe(1);
    const ignore = join(dir, 'ignore.yaml');
    writeFileSync(
      ignore,
      'ignore:\n  - id: CVE-2023-4911\n    until: 2000-01-01\n  - id: GHSA-aaaa-bbbb-cccc\n',
    );
    const some = await checkImageVulnerabilities(inventory, {
      image: 'app',
      db: dir,
      now,
      severity: ['CRITICAL', 'high'],
      ignorefile: [ignore],
      vulnThreshold: 'HIGH',
    });
    expect(some.scan!.vulnerabilities.map((v) => v.id)).toEqual([
      'DEBIAN-CVE-2023-4911',
      'GHSA-qw25-v68c-qjf3',
    ]);
    expect(some.summary.ignored).toBe(1);
    expect(some.notes).toEqual([`${ignore}:2: the ignore entry for CVE-2023-4911 has expired`]);
    expect(some.exitCode).toBe(1);
    const off = await checkImageVulnerabilities(inventory, { image: 'app', db: dir, vulns: false });
    expect(off.summary.checked).toBe(false);
    await expect(
      checkImageVulnerabilities(inventory, { image: 'app', db: dir, severity: ['SEVERE'] }),
    ).rejects.toThrow('unknown severity "SEVERE"');
  });
});
