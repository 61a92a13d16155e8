/**
 * Damaged package databases and archives: every reader must end quickly with packages or a reported
 * problem, never an exception out of the analyzer (the image read goes on) and never a hang.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runOnLayers } from '../../../src/image/packages/drive.js';
import { createInventoryAnalyzer } from '../../../src/image/packages/inventory.js';
import { writeZip } from '../../helpers/zip-writer.js';

const hasSqlite = spawnSync('sqlite3', ['--version'], { stdio: 'ignore' }).status === 0;

function sqliteDb(): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'hostile-'));
  const db = join(dir, 'rpmdb.sqlite');
  const rows = Array.from(
    { length: 40 },
    (_, i) => `INSERT INTO Packages(blob) VALUES (zeroblob(${200 + i * 150}));`,
  ).join('\n');
  execFileSync('sqlite3', [db], {
    input: `PRAGMA page_size=512;\nCREATE TABLE Packages (hnum INTEGER PRIMARY KEY AUTOINCREMENT, blob BLOB NOT NULL);\n${rows}\n`,
  });
  return readFileSync(db);
}

function mutate(buffer: Buffer, flips: Array<[number, number]>): Buffer {
  const copy = Buffer.from(buffer);
  for (const [at, value] of flips) copy[at % copy.length] = value;
  return copy;
}

const flips = fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 12 });

async function inventoryOf(path: string, content: Buffer) {
  return runOnLayers(createInventoryAnalyzer(), [{ files: [{ path, content }] }]);
}

describe('damaged inputs never escape the analyzers', () => {
  it.skipIf(!hasSqlite)('rpmdb.sqlite with flipped bytes', async () => {
    const db = sqliteDb();
    for (const sample of fc.sample(flips, { numRuns: 300, seed: 7 })) {
      const started = Date.now();
      const result = await inventoryOf('var/lib/rpm/rpmdb.sqlite', mutate(db, sample));
      expect(Date.now() - started).toBeLessThan(2000);
      expect(result.packages.length + result.problems.length).toBeGreaterThanOrEqual(0);
    }
  });

  it('Java archives with flipped bytes, and a lying size (zip bomb)', async () => {
    const pom = 'groupId=g\nartifactId=a\nversion=1\n';
    const jar = writeZip([
      { name: 'META-INF/maven/g/a/pom.properties', content: pom },
      {
        name: 'lib/inner.jar',
        content: writeZip([{ name: 'META-INF/MANIFEST.MF', content: 'Implementation-Version: 2\n' }]),
        deflate: false,
      },
    ]);
    for (const sample of fc.sample(flips, { numRuns: 300, seed: 8 })) {
      await inventoryOf('app/x.jar', mutate(jar, sample));
    }
    // A member that declares 5 bytes but inflates to a megabyte is refused, not inflated.
    const bomb = writeZip([{ name: 'META-INF/maven/g/a/pom.properties', content: 'x'.repeat(1 << 20) }]);
    const central = bomb.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    bomb.writeUInt32LE(5, central + 24);
    const result = await inventoryOf('app/bomb.jar', bomb);
    expect(result.packages).toEqual([]);
    expect(result.problems.map((p) => p.message)).toEqual([
      'app/bomb.jar: META-INF/maven/g/a/pom.properties: inflates past its declared 5 bytes',
    ]);
  });

  it('text databases with random bytes', async () => {
    const status = Buffer.from('Package: a\nStatus: install ok installed\nVersion: 1\nArchitecture: all\n\n');
    const apk = Buffer.from('P:a\nV:1\nA:x86_64\n\n');
    for (const sample of fc.sample(flips, { numRuns: 200, seed: 9 })) {
      await inventoryOf('var/lib/dpkg/status', mutate(status, sample));
      await inventoryOf('lib/apk/db/installed', mutate(apk, sample));
      await inventoryOf(
        'app/node_modules/a/package.json',
        mutate(Buffer.from('{"name":"a","version":"1.0.0"}'), sample),
      );
    }
  });
});
