import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDpkgAnalyzer, hasFilesOnDisk, parseDpkgStatus } from '../../../src/image/packages/dpkg.js';
import { runOnLayers } from '../../../src/image/packages/drive.js';

const E2E = process.env.DOCKAUDIT_E2E === '1';
/** dpkg-query's own format: its `${Field}` placeholders are not template strings. */
const FORMAT = ['$', '{Package}\\t$', '{Version}\\n'].join('');
const FULL_FORMAT =
  ['Package', 'Version', 'Architecture', 'source:Package', 'source:Version']
    .map((f) => `$\{${f}}`)
    .join('\\t') + '\\n';
const hasDpkgQuery = spawnSync('dpkg-query', ['--version'], { stdio: 'ignore' }).status === 0;

function paragraph(name: string, version: string, status = 'install ok installed', extra = ''): string {
  return `Package: ${name}\nStatus: ${status}\nMaintainer: x\nDescription: y\n more\nVersion: ${version}\nArchitecture: amd64\n${extra}\n`;
}

/** What dpkg-query -W lists for a status file (run with its own admin folder). */
function dpkgQuery(statusText: string): string[] {
  const admin = mkdtempSync(join(tmpdir(), 'dpkg-admin-'));
  mkdirSync(join(admin, 'info'));
  mkdirSync(join(admin, 'updates'));
  writeFileSync(join(admin, 'available'), '');
  writeFileSync(join(admin, 'status'), statusText);
  return lines(
    execFileSync('dpkg-query', [`--admindir=${admin}`, '-W', '-f', FORMAT], {
      encoding: 'utf8',
    }),
  );
}

function lines(text: string): string[] {
  return text.split('\n').filter(Boolean).sort();
}

describe('parseDpkgStatus', () => {
  it('reads packages, sources and states', () => {
    const text =
      paragraph('libc6', '2.36-9+deb12u1', undefined, 'Source: glibc\nMulti-Arch: same\n') +
      '\n' +
      paragraph('libgcc-s1', '12.2.0-14', undefined, 'Source: gcc-12 (12.2.0-14+b1)\n') +
      '\n' +
      paragraph('old', '1.0', 'deinstall ok config-files') +
      '\n' +
      'Package: gone\nStatus: purge ok not-installed\nArchitecture: amd64\n';
    const entries = parseDpkgStatus(text);
    expect(entries.map((e) => [e.name, e.version, e.sourceName, e.sourceVersion, e.state])).toEqual([
      ['libc6', '2.36-9+deb12u1', 'glibc', '2.36-9+deb12u1', 'installed'],
      ['libgcc-s1', '12.2.0-14', 'gcc-12', '12.2.0-14+b1', 'installed'],
      ['old', '1.0', 'old', '1.0', 'config-files'],
    ]);
    expect(entries.filter(hasFilesOnDisk).map((e) => e.name)).toEqual(['libc6', 'libgcc-s1']);
  });

  it('reports malformed lines with their line number', () => {
    expect(() => parseDpkgStatus('Package: a\nnot a field\n')).toThrow(/line 2: expected "Field: value"/);
    expect(() => parseDpkgStatus('Package: a\nStatus: installed\n')).toThrow(/line 1: malformed Status/);
  });

  describe.skipIf(!hasDpkgQuery && !E2E)('against dpkg-query (the real reference)', () => {
    it('lists exactly what dpkg-query -W lists for crafted states', () => {
      const text = [
        paragraph('a', '1.0'),
        paragraph('b', '2.0', 'deinstall ok config-files'),
        paragraph('c', '1:3.0~rc1-1', 'install ok half-installed'),
        paragraph('e', '4.0', 'install ok unpacked'),
        paragraph('g', '6', 'install ok half-configured'),
        'Package: d\nStatus: purge ok not-installed\nArchitecture: amd64\n',
      ].join('\n');
      expect(
        lines(
          parseDpkgStatus(text)
            .map((e) => `${e.name}\t${e.version}`)
            .join('\n'),
        ),
      ).toEqual(dpkgQuery(text));
    });

    it("lists exactly the packages, versions, architectures and sources dpkg-query lists for this machine's /var/lib/dpkg/status", () => {
      const text = readFileSync('/var/lib/dpkg/status', 'utf8');
      const ours = lines(
        parseDpkgStatus(text)
          .map((e) => [e.name, e.version, e.arch, e.sourceName, e.sourceVersion].join('\t'))
          .join('\n'),
      );
      const theirs = lines(
        execFileSync('dpkg-query', ['-W', '-f', FULL_FORMAT], {
          encoding: 'utf8',
          maxBuffer: 1 << 26,
        }),
      );
      expect(ours.length).toBeGreaterThan(50);
      expect(ours).toEqual(theirs);
    });
  });
});

describe('dpkg analyzer', () => {
  it('attributes each package to the layer that installed its current version', async () => {
    const result = await runOnLayers(createDpkgAnalyzer(), [
      { files: [{ path: 'var/lib/dpkg/status', content: paragraph('a', '1') + '\n' + paragraph('b', '1') }] },
      { files: [{ path: 'etc/hostname', content: 'x' }] },
      {
        files: [
          {
            path: 'var/lib/dpkg/status',
            content: [paragraph('a', '1'), paragraph('b', '2'), paragraph('c', '1')].join('\n'),
          },
        ],
      },
    ]);
    expect(result.packages.map((p) => [p.name, p.version, p.layer, p.path])).toEqual([
      ['a', '1', 0, 'var/lib/dpkg/status'],
      ['b', '2', 2, 'var/lib/dpkg/status'],
      ['c', '1', 2, 'var/lib/dpkg/status'],
    ]);
    expect(result.packages[0]!.layerDigest).toMatch(/^sha256:0+$/);
  });

  it('drops a database deleted by a later layer and skips config-files remnants', async () => {
    const deleted = await runOnLayers(createDpkgAnalyzer(), [
      { files: [{ path: 'var/lib/dpkg/status', content: paragraph('a', '1') }] },
      { files: [{ path: 'var/lib/dpkg/.wh.status' }] },
    ]);
    expect(deleted.packages).toEqual([]);
    const remnants = await runOnLayers(createDpkgAnalyzer(), [
      {
        files: [
          {
            path: 'var/lib/dpkg/status',
            content: paragraph('a', '1') + '\n' + paragraph('b', '1', 'deinstall ok config-files'),
          },
        ],
      },
    ]);
    expect(remnants.packages.map((p) => p.name)).toEqual(['a']);
  });

  it('reads distroless status.d files (no Status field) and ignores their md5sums', async () => {
    const result = await runOnLayers(createDpkgAnalyzer(), [
      {
        files: [
          {
            path: 'var/lib/dpkg/status.d/base-files',
            content: 'Package: base-files\nVersion: 12.4+deb12u5\nArchitecture: amd64\n',
          },
          {
            path: 'var/lib/dpkg/status.d/libssl3',
            content: 'Package: libssl3\nSource: openssl\nVersion: 3.0.11-1~deb12u2\nArchitecture: amd64\n',
          },
          { path: 'var/lib/dpkg/status.d/libssl3.md5sums', content: 'abc  usr/lib/x\n' },
        ],
      },
    ]);
    expect(result.packages.map((p) => [p.name, p.source?.name, p.path])).toEqual([
      ['base-files', 'base-files', 'var/lib/dpkg/status.d/base-files'],
      ['libssl3', 'openssl', 'var/lib/dpkg/status.d/libssl3'],
    ]);
    expect(result.problems).toEqual([]);
  });

  it('reports a malformed database as a problem naming the file and line', async () => {
    const result = await runOnLayers(createDpkgAnalyzer(), [
      { files: [{ path: 'var/lib/dpkg/status', content: 'Package: a\n garbage\nbroken line\n' }] },
    ]);
    expect(result.packages).toEqual([]);
    expect(result.problems).toEqual([
      {
        path: 'var/lib/dpkg/status',
        layer: 0,
        message: 'line 3: expected "Field: value", found "broken line"',
      },
    ]);
  });
});
