/**
 * End to end on real images built by buildah and BuildKit (scripts/e2e/build-fixtures.sh), in every
 * source format: the same facts whatever the format, the planted problems on the right Dockerfile
 * lines, dive's figures equal to the oracle on listings made by Python's tarfile.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/settings.js';
import type { Analyzer } from '../../src/image/analyzer.js';
import { lintImage } from '../../src/image/lint.js';
import { analyzerResult, type ImageModel } from '../../src/image/model.js';
import { readImage } from '../../src/image/read.js';
import { imageRules } from '../../src/rules/image/index.js';
import { diveOracle } from './helpers/dive-oracle.js';
import { fixture, gate } from './helpers/e2e.js';

const ok = gate('image e2e (fixtures)', ['python3']);
const dockerfile = (name: string) => ({
  path: fixture(name, 'Dockerfile'),
  text: readFileSync(fixture(name, 'Dockerfile'), 'utf8'),
});
const lint = (m: ImageModel) => lintImage(m, { config: defaultConfig(), rules: imageRules });
const FORMATS = ['docker-save.tar', 'docker-oci.tar', 'docker-archive.tar', 'oci-archive.tar', 'oci'];

function facts(m: ImageModel) {
  return {
    layers: m.layers.map((l) => [l.size, l.added, l.changed, l.deleted, l.instruction?.line ?? null]),
    finalBytes: m.finalBytes,
    finalEntries: m.finalEntries,
    dive: [m.dive.efficiency, m.dive.wastedBytes, m.dive.userWastedPercent],
    waste: m.waste.groups.map((g) => [g.kind, g.category, g.layer, g.by, g.bytes, g.root]),
  };
}

describe.skipIf(!ok)('real images in every format', () => {
  it('insecure (BuildKit): the planted problems, on their Dockerfile lines, in every format', async () => {
    const token = readFileSync(fixture('insecure', 'build-args.env'), 'utf8').trim().split('=')[1]!;
    let first: ReturnType<typeof facts> | null = null;
    for (const format of FORMATS) {
      const m = await readImage(fixture('insecure', format), { dockerfile: dockerfile('insecure') });
      if (first === null) first = facts(m);
      else expect(facts(m), format).toEqual(first);
      expect(m.baseLayers, format).toBe(1);
      const found = lint(m).map((f) => [
        f.code,
        f.line,
        f.severity,
        f.file.endsWith('Dockerfile') ? 'Dockerfile' : 'image',
      ]);
      const expected = [
        // API_TOKEN; DB_PASSWORD=changeme is a known default the shared detector treats as a placeholder.
        ['DA7003', 3, 'error', 'Dockerfile'],
        ['DA7009', 4, 'warning', 'Dockerfile'],
        ['DA7009', 4, 'warning', 'Dockerfile'],
        ['DA7005', 4, 'error', 'Dockerfile'],
        ['DA7006', 5, 'error', 'Dockerfile'],
        ['DA7007', 7, 'warning', 'Dockerfile'],
        ['DA7008', 7, 'warning', 'Dockerfile'],
        ['DA7008', 7, 'error', 'Dockerfile'],
        ['DA7012', 10, 'warning', 'Dockerfile'],
        ['DA7002', 11, 'info', 'Dockerfile'],
        ['DA7001', 11, 'warning', 'Dockerfile'],
        ['DA7007', 1, 'info', 'image'],
      ];
      expect([...found].sort(), format).toEqual([...expected].sort());
      const messages = lint(m).map((f) => f.message);
      expect(messages.join('\n')).not.toContain(token.slice(4));
      expect(messages.find((x) => x.includes('id_rsa'))).toBe(
        '/root/.ssh/id_rsa (SSH private key) added by this step is still extractable from its layer, although line 6 (RUN) deletes it',
      );
      expect(m.secretFiles.map((s) => [s.path, s.layer, s.removedBy])).toEqual([['/root/.ssh/id_rsa', 2, 3]]);
    }
  }, 120_000);

  it("waste (buildah): dive's figures equal the oracle on Python's listing, and ours name the lines", async () => {
    const layers = JSON.parse(
      spawnSync(
        'python3',
        [
          fileURLToPath(new URL('./helpers/list-layers.py', import.meta.url)),
          fixture('waste', 'docker-save.tar'),
        ],
        {
          encoding: 'utf8',
          maxBuffer: 256 * 1024 * 1024,
        },
      ).stdout,
    ) as Array<Array<{ path: string; size: number; type: 'dir' | 'file' }>>;
    const oracle = diveOracle(layers);
    const listsBytes = layers[1]!
      .filter((e) => e.path.startsWith('var/lib/apt/lists/') && e.type === 'file')
      .reduce((a, e) => a + e.size, 0);
    let first: ReturnType<typeof facts> | null = null;
    for (const format of [...FORMATS, 'oci-zstd']) {
      const m = await readImage(fixture('waste', format), { dockerfile: dockerfile('waste') });
      if (first === null) first = facts(m);
      else expect(facts(m), format).toEqual(first);
      expect(m.dive.wastedBytes, format).toBe(oracle.wastedBytes);
      expect(m.dive.inefficientPaths, format).toBe(oracle.inefficientPaths);
      expect(m.dive.efficiency, format).toBeCloseTo(oracle.efficiency, 12);
      expect(m.dive.userWastedPercent, format).toBeCloseTo(oracle.userWastedPercent, 12);
      const groups = m.waste.groups.map((g) => [
        g.kind,
        g.category,
        m.layers[g.layer]!.instruction?.line,
        g.by === null ? null : m.layers[g.by]!.instruction?.line,
        g.bytes,
      ]);
      expect(groups).toContainEqual(['deleted', null, 2, 3, listsBytes]);
      expect(groups).toContainEqual(['overwritten', null, 4, 5, 3_000_000]);
      expect(groups).toContainEqual(['cache', 'pip', 6, null, 1_000_000]);
      expect(groups).toContainEqual(['cache', 'npm', 6, null, 500_000]);
      expect(groups).toContainEqual(['cache', 'temp', 6, null, 200_000]);
      expect(m.layers[1]!.compression).toBe(
        format === 'oci-zstd' ? 'zstd' : format.startsWith('oci') ? 'gzip' : 'none',
      );
    }
  }, 120_000);

  it('multistage: clean own layers, mapped to the final stage; multi-platform index by --platform', async () => {
    const m = await readImage(fixture('multistage', 'docker-save.tar'), {
      dockerfile: dockerfile('multistage'),
    });
    expect(m.layers.map((l) => l.instruction?.line ?? null)).toEqual([null, 5, 6, 7]);
    expect(
      lint(m)
        .filter((f) => f.severity !== 'info')
        .map((f) => f.code),
    ).toEqual([]);
    for (const arch of ['amd64', 'arm64']) {
      for (const format of ['oci', 'oci-archive.tar']) {
        const x = await readImage(fixture('multiarch', format), { platform: `linux/${arch}` });
        expect(x.platform.architecture).toBe(arch);
        expect(x.platforms.map((p) => p.architecture).sort()).toEqual(['amd64', 'arm64']);
      }
    }
  }, 60_000);

  it("recovers the base image's dpkg database exactly (the packages analyzers' fixture)", async () => {
    const status: Analyzer<Buffer | null> & { data: Buffer | null } = {
      name: 'dpkg-status',
      maxBytes: 4 * 1024 * 1024,
      data: null,
      wants: (e) => e.path === 'var/lib/dpkg/status',
      onEntry(_e, content) {
        this.data = Buffer.from(content);
      },
      finish() {
        return this.data;
      },
    };
    const m = await readImage(fixture('debian-minbase.docker.tar'), {
      analyzers: [status as Analyzer<unknown>],
    });
    expect(analyzerResult(m, status)).toEqual(readFileSync(fixture('debian-minbase.status')));
    const listed = readFileSync(fixture('debian-minbase.dpkg-query.tsv'), 'utf8').trim().split('\n');
    expect(listed.length).toBeGreaterThan(50);
    expect(listed.some((l) => l.startsWith('dpkg\t'))).toBe(true);
  });
});
