/**
 * Planted advisories against real Debian package data: this machine's dpkg database (or the debootstrap
 * fixture's, when built), so that source names, binNMU versions and epochs are the real ones.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runOnLayers } from '../../../src/image/packages/drive.js';
import { createInventoryAnalyzer } from '../../../src/image/packages/inventory.js';
import { groupByEcosystem } from '../../../src/image/vulns/db/import.js';
import { VulnDb } from '../../../src/image/vulns/db/store.js';
import type { OsvRecord } from '../../../src/image/vulns/osv/model.js';
import { scanImagePackages } from '../../../src/image/vulns/scan.js';

const fixtures = process.env.DOCKAUDIT_FIXTURES ?? join(import.meta.dirname, '../../../.cache/e2e/fixtures');
const fixtureStatus = join(fixtures, 'debian-minbase.status');
const statusPath = existsSync(fixtureStatus) ? fixtureStatus : '/var/lib/dpkg/status';
const osRelease = existsSync('/etc/os-release') ? readFileSync('/etc/os-release', 'utf8') : '';
const isDebian12 = /^ID=debian$/m.test(osRelease) && /^VERSION_ID="?12"?$/m.test(osRelease);

function dpkgLess(a: string, b: string): boolean {
  try {
    execFileSync('dpkg', ['--compare-versions', a, 'lt', b]);
    return true;
  } catch {
    return false;
  }
}

describe.skipIf(!existsSync(statusPath) || !isDebian12)(
  'planted advisories on real Debian 12 packages',
  () => {
    it('finds exactly the planted ones, by source package and source version', async () => {
      const layers = [
        {
          files: [
            { path: 'etc/os-release', content: osRelease },
            { path: 'var/lib/dpkg/status', content: readFileSync(statusPath) },
          ],
        },
      ];
      const inventory = await runOnLayers(createInventoryAnalyzer({ ecosystems: ['dpkg'] }), layers);
      expect(inventory.packages.length).toBeGreaterThan(50);
      // One package per source, spread over the list, including binNMUs and epochs when there are any.
      const bySource = new Map(inventory.packages.map((p) => [p.source!.name, p]));
      const chosen = [...bySource.values()].filter((_, i) => i % 7 === 0);
      const special = [...bySource.values()].filter(
        (p) => p.source!.version !== p.version || p.source!.version.includes(':'),
      );
      chosen.push(...special.slice(0, 5).filter((p) => !chosen.includes(p)));
      const records: OsvRecord[] = [];
      const planted: string[] = [];
      chosen.forEach((p, i) => {
        const source = p.source!;
        const event = (key: string, version: string) => ({ [key]: version });
        const make = (
          id: string,
          events: Array<Record<string, string>>,
          ecosystem = 'Debian:12',
          name = source.name,
        ): OsvRecord => ({
          id,
          modified: '2024-01-01T00:00:00Z',
          affected: [{ package: { ecosystem, name }, ranges: [{ type: 'ECOSYSTEM', events }] }],
        });
        const newer = `${source.version}+dockaudit1`;
        expect(dpkgLess(source.version, newer), `${source.version} < ${newer}`).toBe(true);
        records.push(make(`PLANT-${i}`, [event('introduced', '0'), event('fixed', newer)]));
        planted.push(`PLANT-${i}`);
        records.push(make(`FIXED-AT-${i}`, [event('introduced', '0'), event('fixed', source.version)]));
        records.push(
          make(`BEFORE-${i}`, [event('introduced', '0'), event('last_affected', `${source.version}~`)]),
        );
        records.push(make(`OTHER-RELEASE-${i}`, [event('introduced', '0')], 'Debian:11'));
        // A binary name is never matched (unless it is also some source package's name).
        if (p.name !== source.name && !bySource.has(p.name))
          records.push(make(`BINARY-NAME-${i}`, [event('introduced', '0')], 'Debian:12', p.name));
      });
      const db = await VulnDb.open(mkdtempSync(join(tmpdir(), 'vulndb-')));
      await db.write(groupByEcosystem(records), 'replace', {});
      const result = await scanImagePackages(inventory, db);
      const found = [...new Set(result.vulnerabilities.map((v) => v.id))].sort();
      expect(found).toEqual(planted.sort());
      expect(result.problems).toEqual([]);
      // Every binary package built from a planted source is reported.
      const sources = new Set(chosen.map((p) => p.source!.name));
      expect(result.vulnerabilities.length).toBe(
        inventory.packages.filter((p) => sources.has(p.source!.name)).length,
      );
    });
  },
);
