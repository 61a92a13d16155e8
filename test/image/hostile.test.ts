/**
 * Hostile archives, generated here: each must end in a clear error (or a reported anomaly) within
 * bounded time and memory. Reads run in a child process so that its peak RSS can be asserted.
 */
import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  hasZstd,
  layerTar,
  ociFiles,
  sha256,
  tempDir,
  writeDockerArchive,
  writeOciLayout,
  writeTar,
  zstdCompress,
} from './helpers/build.js';
import { END, paxRecord, rawFile, rawHeader } from './helpers/raw-tar.js';

const harness = fileURLToPath(new URL('./helpers/read-bounded.ts', import.meta.url));
const MiB = 1024 * 1024;

interface Result {
  path: string;
  error: string | null;
  anomalies: string[];
  ms: number;
}

function runBounded(cases: Array<{ path: string; options?: object }>): {
  results: Result[];
  maxRssMB: number;
} {
  const r = spawnSync(process.execPath, ['--import', 'tsx', harness, JSON.stringify(cases)], {
    encoding: 'utf8',
    timeout: 120_000,
    maxBuffer: 16 * MiB,
  });
  if (r.status !== 0) throw new Error(`harness failed (${r.status ?? r.signal}): ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as { results: Result[]; maxRssMB: number };
}

let dir: string;
beforeAll(async () => {
  dir = await tempDir('da-hostile-');
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** A docker save archive whose only layer is `layer` (raw bytes, possibly compressed or broken). */
async function archiveWithLayer(
  name: string,
  layer: Buffer,
  extra: { Env?: string[] } = {},
): Promise<string> {
  const path = join(dir, `${name}.tar`);
  await writeDockerArchive(path, { layers: [[]], config: extra }, { layerData: [layer] });
  return path;
}

/** gzip of `bytes` zeros (about 1:1000): one member of 64 MiB of zeros, repeated (gzip allows concatenation). */
function gzipZeros(bytes: number): Buffer {
  const member = gzipSync(Buffer.alloc(64 * MiB), { level: 9 });
  return Buffer.concat(Array.from({ length: Math.ceil(bytes / (64 * MiB)) }, () => member));
}

describe('hostile archives', () => {
  it('fail with a clear error naming the place, in bounded time and memory', async () => {
    const plain = (entries: Buffer[]) => Buffer.concat([...entries, END]);
    const cases: Array<{ path: string; options?: object; expect: RegExp }> = [];
    const add = (path: string, expected: RegExp, options?: object) =>
      cases.push({ path, expect: expected, ...(options ? { options } : {}) });

    add(
      await archiveWithLayer('dotdot', plain([rawFile('../evil', Buffer.from('x'))])),
      /layer 1 .*entry name with "\.\." "\.\.\/evil" \(entry 1\)/,
    );
    add(
      await archiveWithLayer('absolute', plain([rawFile('/etc/passwd', Buffer.from('x'))])),
      /absolute entry name "\/etc\/passwd"/,
    );
    add(
      await archiveWithLayer(
        'hardlink',
        plain([rawFile('a', Buffer.from('x')), rawFile('b', Buffer.alloc(0), '1', { linkname: 'missing' })]),
      ),
      /hard link b points to missing, which does not exist/,
    );
    const random = Buffer.from(Array.from({ length: 200_000 }, (_, i) => (i * 7919) % 251));
    const gz = gzipSync(await layerTar([{ path: 'data', content: random }]));
    add(await archiveWithLayer('gz-truncated', gz.subarray(0, gz.length >> 1)), /gzip data is truncated/);
    const corrupt = Buffer.from(gz);
    for (let i = 200; i < 260; i++) corrupt[i] = corrupt[i]! ^ 0x5a;
    add(
      await archiveWithLayer('gz-corrupt', corrupt),
      /gzip data is (corrupt|truncated)|not a valid tar stream/,
    );
    const bigPax = Buffer.concat([rawHeader('PaxHeaders/x', 5 * MiB, 'x'), Buffer.alloc(5 * MiB, 0x41), END]);
    add(await archiveWithLayer('pax-huge', bigPax), /tar extended header exceeds 4 MiB/);
    const longName = Buffer.from(paxRecord('path', 'a/'.repeat(2600)));
    add(
      await archiveWithLayer(
        'long-name',
        plain([rawFile('PaxHeaders/x', longName, 'x'), rawFile('placeholder', Buffer.from('x'))]),
      ),
      /entry name longer than 4096 bytes/,
    );
    add(
      await archiveWithLayer('tar-truncated', Buffer.concat([rawHeader('big', MiB, '0'), Buffer.alloc(10)])),
      /tar data is truncated/,
    );
    add(
      await archiveWithLayer('not-tar', Buffer.from('this is not a tar archive, just text '.repeat(40))),
      /not a valid tar stream/,
    );
    const many = await layerTar(Array.from({ length: 300 }, (_, i) => ({ path: `f${i}`, content: '' })));
    add(await archiveWithLayer('many', many), /more than 100 entries in the image/, {
      limits: { maxEntries: 100 },
    });

    // Outer archive and JSON documents.
    const badManifest = join(dir, 'bad-manifest.tar');
    await writeTar(badManifest, [
      { name: 'manifest.json', data: Buffer.from('[{"Config": "c.json",\n "Layers": [') },
    ]);
    add(badManifest, /manifest\.json: malformed JSON at line 2, column \d+/);
    const badConfig = join(dir, 'bad-config.tar');
    await writeTar(badConfig, [
      { name: 'c.json', data: Buffer.from('{"rootfs": {"diff_ids": [}') },
      { name: 'manifest.json', data: Buffer.from('[{"Config": "c.json", "Layers": []}]') },
    ]);
    add(badConfig, /c\.json: malformed JSON at line 1/);
    const traversal = join(dir, 'traversal.tar');
    await writeTar(traversal, [
      { name: 'c.json', data: Buffer.from(JSON.stringify({ rootfs: { diff_ids: [sha256('x')] } })) },
      { name: 'manifest.json', data: Buffer.from('[{"Config": "c.json", "Layers": ["../../etc/passwd"]}]') },
    ]);
    add(traversal, /refusing path "\.\.\/\.\.\/etc\/passwd"/);
    const mismatch = join(dir, 'mismatch.tar');
    await writeTar(mismatch, [
      { name: 'l/layer.tar', data: await layerTar([{ path: 'a', content: 'a' }]) },
      {
        name: 'c.json',
        data: Buffer.from(JSON.stringify({ rootfs: { diff_ids: [sha256('x'), sha256('y')] } })),
      },
      { name: 'manifest.json', data: Buffer.from('[{"Config": "c.json", "Layers": ["l/layer.tar"]}]') },
    ]);
    add(mismatch, /manifest\.json lists 1 layers but the config 2 diff_ids/);
    const outerPax = join(dir, 'outer-pax.tar');
    await fs.writeFile(
      outerPax,
      Buffer.concat([rawHeader('PaxHeaders/m', 2 * MiB, 'x'), Buffer.alloc(2 * MiB, 0x41), END]),
    );
    add(outerPax, /extended header of 2097152 bytes is too large/);

    // OCI layouts: invalid digests and content that does not match its digest.
    const badDigest = join(dir, 'bad-digest');
    await fs.mkdir(badDigest);
    await fs.writeFile(
      join(badDigest, 'index.json'),
      JSON.stringify({
        schemaVersion: 2,
        manifests: [
          {
            mediaType: 'application/vnd.oci.image.manifest.v1+json',
            digest: 'sha256:../../../etc/passwd',
            size: 10,
          },
        ],
      }),
    );
    add(badDigest, /invalid digest "sha256:\.\.\/\.\.\/\.\.\/etc\/passwd"/);
    const tampered = join(dir, 'tampered');
    const blobs = await ociFiles([{ layers: [[{ path: 'a', content: 'original' }]] }]);
    await writeOciLayout(tampered, blobs);
    const layerBlob = blobs.files.find((f) => f.data[0] === 0x1f)!;
    await fs.writeFile(
      join(tampered, layerBlob.name),
      gzipSync(await layerTar([{ path: 'a', content: 'tampered' }])),
    );
    add(tampered, /layer 1 \(sha256:[0-9a-f]{12}\): digest mismatch/);

    // Anomalies that are reported, not fatal.
    add(
      await archiveWithLayer(
        'loop',
        plain([
          rawFile('l1', Buffer.alloc(0), '2', { linkname: 'l2' }),
          rawFile('l2', Buffer.alloc(0), '2', { linkname: '/l1' }),
        ]),
        {
          Env: ['PATH=/l1:/usr/bin'],
        },
      ),
      /^$/,
    );
    add(
      await archiveWithLayer(
        'dup',
        plain([rawFile('a', Buffer.from('one')), rawFile('a', Buffer.from('two'))]),
      ),
      /^$/,
    );
    if (hasZstd()) {
      const zst = zstdCompress(await layerTar([{ path: 'data', content: random }]));
      add(
        await archiveWithLayer('zstd-truncated', zst.subarray(0, zst.length >> 1)),
        /zstd data is corrupt or truncated/,
      );
      add(
        await archiveWithLayer('zstd-truncated-fzstd', zst.subarray(0, zst.length >> 1)),
        /zstd data is corrupt or truncated|unexpected EOF/i,
        {
          zstd: 'fzstd',
        },
      );
    }
    // A zstd frame that asks for a 2 GiB window: refused before anything is allocated.
    const hugeWindow = Buffer.concat([
      Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0x00, 0xa8]),
      Buffer.alloc(64, 1),
    ]);
    add(await archiveWithLayer('zstd-window', hugeWindow), /window/, { zstd: 'fzstd' });

    const { results, maxRssMB } = runBounded(
      cases.map(({ path, options }) => ({ path, ...(options ? { options } : {}) })),
    );
    results.forEach((r, i) => {
      const c = cases[i]!;
      if (c.expect.source === '^$') expect(r.error, r.path).toBeNull();
      else expect(r.error, r.path).toMatch(c.expect);
      expect(r.ms, r.path).toBeLessThan(10_000);
    });
    const byName = Object.fromEntries(results.map((r) => [r.path.slice(dir.length + 1), r]));
    expect(byName['loop.tar']!.anomalies).toContain('symlink-loop:l1');
    expect(byName['dup.tar']!.anomalies).toEqual(['duplicate-entry:a']);
    expect(maxRssMB).toBeLessThan(300);
  }, 120_000);

  it('stop decompression bombs (ratio and size limits) with bounded memory', async () => {
    const gzBomb = join(dir, 'gzip-bomb.tar');
    // 1 GiB of zeros in one file: about 1 MiB of gzip. The tar header is a gzip member of its own.
    const header = rawHeader('zeros', 1024 * MiB, '0');
    const layer = Buffer.concat([gzipSync(header), gzipZeros(1024 * MiB)]);
    await writeDockerArchive(gzBomb, { layers: [[]] }, { layerData: [layer] });
    const cases: Array<{ path: string; options?: object }> = [
      { path: gzBomb },
      { path: gzBomb, options: { limits: { maxLayerBytes: 64 * MiB } } },
    ];
    if (hasZstd()) {
      const zBomb = join(dir, 'zstd-bomb.layer');
      const r = spawnSync(
        'sh',
        ['-c', `{ cat; head -c ${1024 * MiB} /dev/zero; } | zstd -q -1 -c > '${zBomb}'`],
        { input: header },
      );
      expect(r.status).toBe(0);
      const zPath = join(dir, 'zstd-bomb.tar');
      await writeDockerArchive(zPath, { layers: [[]] }, { layerData: [await fs.readFile(zBomb)] });
      cases.push({ path: zPath }, { path: zPath, options: { zstd: 'fzstd' } });
    }
    const { results, maxRssMB } = runBounded(cases);
    expect(results[0]!.error).toMatch(
      /layer expands more than 500:1 .*refusing a possible decompression bomb/,
    );
    expect(results[1]!.error).toMatch(/layer is larger than the limit of 67108864 bytes/);
    for (const r of results.slice(2)) expect(r.error).toMatch(/decompression bomb/);
    for (const r of results) expect(r.ms).toBeLessThan(20_000);
    expect(maxRssMB).toBeLessThan(250);
  }, 120_000);
});
