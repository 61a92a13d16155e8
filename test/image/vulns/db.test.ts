import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bufferSource, readZipEntries, readZipEntry, ZipError } from '../../../src/image/packages/zip.js';
import { importPath } from '../../../src/image/vulns/db/import.js';
import { DbInputError } from '../../../src/image/vulns/db/records.js';
import { VulnDb } from '../../../src/image/vulns/db/store.js';
import { updateDb } from '../../../src/image/vulns/db/update.js';
import { writeZip } from '../../helpers/zip-writer.js';
import { FIXTURE_RECORDS, stripPlant, writeFixtureFolder } from './fixture.js';

const tmp = (prefix: string) => mkdtempSync(join(tmpdir(), prefix));

function archiveOf(prefix: string): Buffer {
  return writeZip(
    FIXTURE_RECORDS.filter((r) => r.affected?.[0]?.package?.ecosystem.split(':')[0] === prefix).map((r) => ({
      name: `${r.id}.json`,
      content: JSON.stringify(stripPlant(r)),
    })),
  );
}

describe('ZIP reader', () => {
  it('reads stored, deflated and Zip64 archives', () => {
    for (const zip64 of [false, true]) {
      const zip = writeZip(
        [
          { name: 'a.txt', content: 'hello' },
          { name: 'b/c.txt', content: 'x'.repeat(10000), deflate: false },
        ],
        { zip64 },
      );
      const source = bufferSource(zip);
      const entries = readZipEntries(source);
      expect(entries.map((e) => [e.name, e.size])).toEqual([
        ['a.txt', 5],
        ['b/c.txt', 10000],
      ]);
      expect(readZipEntry(source, entries[0]!).toString()).toBe('hello');
    }
  });
  it('rejects corrupt content, oversized entries and truncated archives', () => {
    const zip = writeZip([{ name: 'a.txt', content: 'hello world', deflate: false }]);
    const corrupt = Buffer.from(zip);
    corrupt[30 + 5] = 'X'.charCodeAt(0);
    const entries = readZipEntries(bufferSource(corrupt));
    expect(() => readZipEntry(bufferSource(corrupt), entries[0]!)).toThrow('a.txt: CRC-32 mismatch');
    expect(() => readZipEntry(bufferSource(zip), entries[0]!, 4)).toThrow(
      'a.txt: 11 bytes is over the 4-byte limit',
    );
    expect(() => readZipEntries(bufferSource(zip.subarray(0, zip.length - 5)))).toThrow(ZipError);
  });
});

describe('db import and status', () => {
  it('imports a folder, a ZIP archive and a single record, merging by id', async () => {
    const db = await VulnDb.open(tmp('vulndb-'));
    expect(db.isEmpty()).toBe(true);
    const summary = await importPath(db, writeFixtureFolder());
    expect(summary.records).toBe(FIXTURE_RECORDS.length);
    // PyPI has three records, one withdrawn.
    expect(summary.ecosystems).toEqual({ 'Debian:11': 1, 'Debian:12': 8, PyPI: 2, npm: 3 });
    const zipPath = join(tmp('osvzip-'), 'all.zip');
    writeFileSync(zipPath, archiveOf('PyPI'));
    await importPath(db, zipPath);
    const reopened = await VulnDb.open(db.dir);
    expect(reopened.meta.ecosystems.PyPI?.advisories).toBe(2);
    expect(Object.keys(reopened.meta.sources).sort()).toEqual([
      expect.stringMatching(/^import:.*osv-fixture-/),
      expect.stringMatching(/^import:.*osvzip-.*all\.zip$/),
    ]);
    const single = join(tmp('osvone-'), 'GO-1.json');
    writeFileSync(
      single,
      JSON.stringify({
        id: 'GO-2024-0001',
        modified: 't',
        affected: [
          {
            package: { ecosystem: 'Go', name: 'stdlib' },
            ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '1.21.4' }] }],
          },
        ],
      }),
    );
    await importPath(reopened, single);
    expect((await VulnDb.open(db.dir)).ecosystems).toEqual(['Debian:11', 'Debian:12', 'Go', 'PyPI', 'npm']);
  });

  it('fails on a bad record, naming the file (and archive member), and writes nothing', async () => {
    const dir = tmp('vulndb-');
    const db = await VulnDb.open(dir);
    const folder = writeFixtureFolder();
    writeFileSync(join(folder, 'Debian', 'broken.json'), '{"id": "X", ');
    await expect(importPath(db, folder)).rejects.toThrow(
      new RegExp(`^${join(folder, 'Debian', 'broken.json')}: invalid JSON`),
    );
    expect(existsSync(join(dir, 'meta.json'))).toBe(false);
    const zipPath = join(tmp('osvzip-'), 'bad.zip');
    writeFileSync(
      zipPath,
      writeZip([{ name: 'a/X-1.json', content: JSON.stringify({ id: 'X-1', modified: 1 }) }]),
    );
    await expect(importPath(db, zipPath)).rejects.toThrow(
      `${zipPath}!/a/X-1.json: X-1: "modified" must be a string`,
    );
    await expect(importPath(db, join(dir, 'missing.zip'))).rejects.toThrow(DbInputError);
  });
});

describe('db update from a loopback HTTP server serving fixture archives', () => {
  let server: Server;
  let base: string;
  const requests: Array<{ url: string; etag?: string }> = [];
  const archives = new Map<string, { body: Buffer; etag: string }>();

  beforeAll(async () => {
    archives.set('/Debian/all.zip', { body: archiveOf('Debian'), etag: '"d1"' });
    archives.set('/npm/all.zip', { body: archiveOf('npm'), etag: '"n1"' });
    archives.set('/Rocky%20Linux/all.zip', { body: writeZip([]), etag: '"r1"' });
    server = createServer((req, res) => {
      requests.push({ url: req.url ?? '', etag: req.headers['if-none-match'] });
      const archive = archives.get(req.url ?? '');
      if (!archive) {
        res.writeHead(404, 'Not Found').end();
        return;
      }
      if (req.headers['if-none-match'] === archive.etag) {
        res.writeHead(304).end();
        return;
      }
      res
        .writeHead(200, {
          'content-type': 'application/zip',
          etag: archive.etag,
          'content-length': archive.body.length,
        })
        .end(archive.body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('downloads the archives asked for, then only changed ones, replacing whole ecosystems', async () => {
    const db = await VulnDb.open(tmp('vulndb-'));
    const first = await updateDb(db, { baseUrl: base, archives: ['Debian', 'npm', 'Rocky Linux'] });
    expect(first.map((r) => [r.archive, r.status, r.records])).toEqual([
      ['Debian', 'updated', 9],
      ['npm', 'updated', 3],
      ['Rocky Linux', 'updated', 0],
    ]);
    expect(db.ecosystems).toEqual(['Debian:11', 'Debian:12', 'npm']);
    expect(requests.map((r) => r.url)).toEqual(['/Debian/all.zip', '/npm/all.zip', '/Rocky%20Linux/all.zip']);

    // Next time: the archives fetched before, with their ETags; Debian changed and lost Debian:11.
    requests.length = 0;
    const debian12 = FIXTURE_RECORDS.filter((r) => r.affected?.[0]?.package?.ecosystem === 'Debian:12');
    archives.set('/Debian/all.zip', {
      body: writeZip(debian12.map((r) => ({ name: `${r.id}.json`, content: JSON.stringify(stripPlant(r)) }))),
      etag: '"d2"',
    });
    const again = await updateDb(await VulnDb.open(db.dir), { baseUrl: base });
    expect(requests).toEqual([
      { url: '/Debian/all.zip', etag: '"d1"' },
      { url: '/Rocky%20Linux/all.zip', etag: '"r1"' },
      { url: '/npm/all.zip', etag: '"n1"' },
    ]);
    expect(again.map((r) => `${r.archive}:${r.status}`)).toEqual([
      'Debian:updated',
      'Rocky Linux:unchanged',
      'npm:unchanged',
    ]);
    const reopened = await VulnDb.open(db.dir);
    expect(reopened.ecosystems).toEqual(['Debian:12', 'npm']);
    expect(reopened.meta.sources['archive:Debian']).toMatchObject({ etag: '"d2"', records: 8 });
    expect(JSON.parse(readFileSync(join(db.dir, 'meta.json'), 'utf8')).ecosystems.npm.advisories).toBe(3);
  });

  it('fails clearly on HTTP errors and unreachable servers, leaving the database as it was', async () => {
    const db = await VulnDb.open(tmp('vulndb-'));
    await expect(updateDb(db, { baseUrl: base, archives: ['PyPI'] })).rejects.toThrow(
      `${base}PyPI/all.zip: HTTP 404 Not Found`,
    );
    await expect(updateDb(db, { baseUrl: 'http://127.0.0.1:9', archives: ['PyPI'] })).rejects.toThrow(
      /^http:\/\/127\.0\.0\.1:9\/PyPI\/all\.zip: /,
    );
    expect(db.isEmpty()).toBe(true);
  });
});
