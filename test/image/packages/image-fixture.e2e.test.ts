/**
 * End to end through the image reader (issue 8's `readImage`): the debootstrap-based fixture image
 * (scripts/e2e/build-fixtures.sh) read in one streaming pass must yield exactly the dpkg package list
 * dpkg-query printed for its root filesystem, and planted advisories for its real packages must be found,
 * and no others. Skipped until both the reader and the fixtures are present; with DOCKAUDIT_E2E=1 and the
 * fixture script in the tree, a missing fixture is a failure.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Analyzer } from '../../../src/image/analyzer.js';
import { createInventoryAnalyzer } from '../../../src/image/packages/inventory.js';
import type { Inventory } from '../../../src/image/packages/model.js';
import { groupByEcosystem } from '../../../src/image/vulns/db/import.js';
import { VulnDb } from '../../../src/image/vulns/db/store.js';
import type { OsvRecord } from '../../../src/image/vulns/osv/model.js';
import { scanImagePackages } from '../../../src/image/vulns/scan.js';

const E2E = process.env.DOCKAUDIT_E2E === '1';
const root = join(import.meta.dirname, '../../..');
const fixtures = process.env.DOCKAUDIT_FIXTURES ?? join(root, '.cache/e2e/fixtures');
const image = join(fixtures, 'debian-minbase.docker.tar');
const listing = join(fixtures, 'debian-minbase.dpkg-query.tsv');
const readerPath = join(root, 'src/image/read.ts');
const ready = existsSync(readerPath) && existsSync(image) && existsSync(listing);
const expected = existsSync(readerPath) && existsSync(join(root, 'scripts/e2e/build-fixtures.sh'));

type ReadImage = (
  source: string,
  options: { analyzers: Array<Analyzer<unknown>> },
) => Promise<{ results: Map<Analyzer<unknown>, unknown> }>;

async function readInventory(): Promise<Inventory> {
  // Loaded by path so this file compiles on branches that do not have the reader yet.
  const module = (await import(join(root, 'src/image/read.ts'))) as { readImage: ReadImage };
  const analyzer = createInventoryAnalyzer() as Analyzer<unknown>;
  const model = await module.readImage(image, { analyzers: [analyzer] });
  return model.results.get(analyzer) as Inventory;
}

describe.skipIf(!ready && !(E2E && expected))('debootstrap fixture image read end to end', () => {
  it('the image reader and the fixtures are present (scripts/e2e/build-fixtures.sh)', () => {
    expect(ready, `missing ${image} or ${listing}`).toBe(true);
  });

  it('yields exactly the package list dpkg-query printed for the root filesystem', async () => {
    const inventory = await readInventory();
    expect([inventory.os?.id, inventory.os?.versionId]).toEqual(['debian', '12']);
    expect(inventory.problems).toEqual([]);
    const ours = inventory.packages
      .filter((p) => p.type === 'deb')
      .map((p) => [p.name, p.version, p.arch, p.source?.name, p.source?.version].join('\t'))
      .sort();
    const reference = readFileSync(listing, 'utf8').split('\n').filter(Boolean).sort();
    expect(reference.length).toBeGreaterThan(50);
    expect(ours).toEqual(reference);
    const deb = inventory.packages.filter((p) => p.type === 'deb');
    expect(new Set(deb.map((p) => `${p.layer} ${p.path}`))).toEqual(new Set(['0 var/lib/dpkg/status']));
  });

  it('finds planted advisories for its real packages and no others', async () => {
    const inventory = await readInventory();
    const sources = [
      ...new Map(
        inventory.packages.filter((p) => p.type === 'deb').map((p) => [p.source!.name, p.source!]),
      ).values(),
    ];
    const records: OsvRecord[] = sources.flatMap((s, i) => {
      const record = (id: string, events: Array<Record<string, string>>): OsvRecord => ({
        id,
        modified: '2024-01-01T00:00:00Z',
        affected: [
          { package: { ecosystem: 'Debian:12', name: s.name }, ranges: [{ type: 'ECOSYSTEM', events }] },
        ],
      });
      return i % 5 === 0
        ? [record(`PLANT-${s.name}`, [{ introduced: '0' }, { fixed: `${s.version}+1` }])]
        : [record(`FIXED-${s.name}`, [{ introduced: '0' }, { fixed: s.version }])];
    });
    const db = await VulnDb.open(mkdtempSync(join(tmpdir(), 'vulndb-')));
    await db.write(groupByEcosystem(records), 'replace', {});
    const result = await scanImagePackages(inventory, db);
    const planted = sources.filter((_, i) => i % 5 === 0).map((s) => `PLANT-${s.name}`);
    expect([...new Set(result.vulnerabilities.map((v) => v.id))].sort()).toEqual(planted.sort());
  });
});
