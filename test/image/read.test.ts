import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Analyzer, ImageFilesystemView, LayerEntry } from '../../src/image/analyzer.js';
import { ImageInputError } from '../../src/image/errors.js';
import { analyzerResult } from '../../src/image/model.js';
import { readImage } from '../../src/image/read.js';
import {
  hasZstd,
  ociFiles,
  type TestImage,
  tempDir,
  writeDockerArchive,
  writeOciArchive,
  writeOciLayout,
} from './helpers/build.js';

const image: TestImage = {
  layers: [
    [
      { path: 'etc/' },
      { path: 'etc/os-release', content: 'ID=test\n' },
      { path: 'usr/bin/tool', content: 'x'.repeat(100), mode: 0o4755 },
    ],
    [
      { path: 'app/' },
      { path: 'app/main.js', content: 'console.log(1)\n' },
      { path: 'etc/.wh.os-release', content: '' },
    ],
  ],
  history: [
    { created_by: '/bin/sh -c #(nop) ADD file:abc in / ' },
    { created_by: '/bin/sh -c #(nop)  CMD ["sh"]', empty_layer: true },
    { created_by: 'COPY main.js /app/main.js # buildkit', comment: 'buildkit.dockerfile.v0' },
  ],
  config: { User: 'app', Env: ['PATH=/usr/bin'] },
};

let dir: string;
beforeAll(async () => {
  dir = await tempDir();
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

function expectSameModel(m: Awaited<ReturnType<typeof readImage>>) {
  expect(m.layers.map((l) => [l.added, l.deleted, l.size])).toEqual([
    [2, 0, 108],
    [1, 1, 15],
  ]);
  expect(m.layers[1]!.step?.keyword).toBe('COPY');
  expect(m.baseLayers).toBe(1);
  expect(m.files.setuid.map((f) => f.path)).toEqual(['/usr/bin/tool']);
  expect(m.config.config.User).toBe('app');
  expect(m.finalEntries).toBe(6);
}

describe('readImage sources', () => {
  it('reads a legacy docker save archive', async () => {
    const path = join(dir, 'legacy.tar');
    await writeDockerArchive(path, image, { repoTags: ['example/app:1'] });
    const m = await readImage(path);
    expect(m.kind).toBe('docker-archive');
    expect(m.tags).toEqual(['example/app:1']);
    expect(m.layers.every((l) => l.compression === 'none')).toBe(true);
    expectSameModel(m);
  });

  it('reads an OCI layout folder and an oci-archive, gzip and uncompressed', async () => {
    for (const compression of ['gzip', 'none'] as const) {
      const blobs = await ociFiles([image], { compression });
      const layout = join(dir, `layout-${compression}`);
      await writeOciLayout(layout, blobs);
      const m = await readImage(layout);
      expect(m.kind).toBe('oci-layout');
      expect(m.layers[0]!.compression).toBe(compression);
      expect(m.manifestDigest).toBe(blobs.manifestDigest);
      expectSameModel(m);
      const archive = join(dir, `archive-${compression}.tar`);
      await writeOciArchive(archive, blobs);
      expectSameModel(await readImage(archive));
      expect((await readImage(`oci-archive:${archive}`)).kind).toBe('oci-archive');
    }
  });

  it.skipIf(!hasZstd())('reads zstd layers with each backend', async () => {
    const layout = join(dir, 'layout-zstd');
    await writeOciLayout(layout, await ociFiles([image], { compression: 'zstd' }));
    for (const zstd of ['program', 'fzstd'] as const) {
      const m = await readImage(layout, { zstd });
      expect(m.layers[0]!.compression).toBe('zstd');
      expectSameModel(m);
    }
  });

  it('reads a gzip-compressed docker save archive', async () => {
    const plain = join(dir, 'plain.tar');
    await writeDockerArchive(plain, image);
    const gz = join(dir, 'plain.tar.gz');
    await fs.writeFile(gz, gzipSync(await fs.readFile(plain)));
    expectSameModel(await readImage(gz));
  });

  it('chooses a platform of a multi-platform index', async () => {
    const layout = join(dir, 'multi');
    await writeOciLayout(
      layout,
      await ociFiles(
        [
          { ...image, architecture: 'amd64', platform: { os: 'linux', architecture: 'amd64' } },
          {
            layers: [[{ path: 'arm', content: 'arm' }]],
            architecture: 'arm64',
            platform: { os: 'linux', architecture: 'arm64' },
          },
        ],
        {},
      ),
    );
    const arm = await readImage(layout, { platform: 'linux/arm64' });
    expect(arm.platform.architecture).toBe('arm64');
    expect(arm.platforms.map((p) => p.architecture)).toEqual(['amd64', 'arm64']);
    await expect(readImage(layout, { platform: 'linux/s390x' })).rejects.toThrow(
      /no image for linux\/s390x in the index; it has: linux\/amd64, linux\/arm64/,
    );
    await expect(readImage(layout, { platform: 'linux' })).rejects.toThrow(/invalid platform "linux"/);
  });

  it('asks which image when an archive holds several, and picks one by --tag', async () => {
    const path = join(dir, 'two.tar');
    const { layerTar, sha256, configFor, writeTar } = await import('./helpers/build.js');
    const tar0 = await layerTar(image.layers[0]!);
    const config = configFor({ layers: [image.layers[0]!] }, [sha256(tar0)]);
    const configName = `${sha256(config).slice(7)}.json`;
    await writeTar(path, [
      { name: 'l0/layer.tar', data: tar0 },
      { name: configName, data: config },
      {
        name: 'manifest.json',
        data: Buffer.from(
          JSON.stringify([
            { Config: configName, RepoTags: ['a:1'], Layers: ['l0/layer.tar'] },
            { Config: configName, RepoTags: ['b:2'], Layers: ['l0/layer.tar'] },
          ]),
        ),
      },
    ]);
    await expect(readImage(path)).rejects.toThrow(/holds 2 images \(a:1, b:2\); choose one with --tag/);
    expect((await readImage(path, { tag: 'b:2' })).tags).toEqual(['b:2']);
  });

  it('checks diff_ids with verifyDiffIds', async () => {
    const { layerTar, configFor, sha256 } = await import('./helpers/build.js');
    const tarData = await layerTar(image.layers[0]!);
    const path = join(dir, 'wrong-diff-id.tar');
    await writeDockerArchive(
      path,
      { layers: [image.layers[0]!] },
      { layerData: [tarData], config: configFor({ layers: [[]] }, [sha256('other')]) },
    );
    expect((await readImage(path)).layers).toHaveLength(1);
    await expect(readImage(path, { verifyDiffIds: true })).rejects.toThrow(
      /layer 1 .*: diff_id mismatch: content is sha256:[0-9a-f]{12}, the config says sha256:[0-9a-f]{12}/,
    );
  });

  it('names the file and the problem for bad input', async () => {
    await expect(readImage(join(dir, 'nope.tar'))).rejects.toThrow(/no such file or folder/);
    const notTar = join(dir, 'not.tar');
    await fs.writeFile(notTar, 'hello world, not a tar archive at all'.repeat(20));
    await expect(readImage(notTar)).rejects.toThrow(/not a tar archive/);
    const error = await readImage(notTar).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImageInputError);
    expect((error as ImageInputError).source).toBe(notTar);
  });
});

describe('analyzers', () => {
  it('receive wanted entries whole or streamed, are skipped over maxBytes, and fail alone', async () => {
    const path = join(dir, 'analyzers.tar');
    await writeDockerArchive(path, image);
    const seen: string[] = [];
    const whole: Analyzer<string[]> = {
      name: 'whole',
      maxBytes: 50,
      wants: (e) => e.path.startsWith('usr/') || e.path.startsWith('app/') || e.path === 'etc/os-release',
      onEntry: (e, content) => seen.push(`${e.path}=${content.length}`),
      finish: () => seen,
    };
    const streamed: string[] = [];
    const streaming: Analyzer<string[]> = {
      name: 'stream',
      maxBytes: 0,
      wants: (e) => e.path === 'usr/bin/tool',
      onEntry: () => {
        throw new Error('not used');
      },
      async onStream(e: LayerEntry, chunks) {
        let n = 0;
        for await (const c of chunks) n += c.length;
        streamed.push(`${e.path}:${n}`);
      },
      finish: (view: ImageFilesystemView) => [
        ...streamed,
        String(view.get('/etc/os-release')),
        view.get('/app/main.js')!.path,
      ],
    };
    const broken: Analyzer<never> = {
      name: 'broken',
      maxBytes: 1000,
      wants: () => true,
      onEntry: () => {
        throw new Error('boom');
      },
      finish: () => {
        throw new Error('never');
      },
    };
    const m = await readImage(path, { analyzers: [whole, streaming, broken as Analyzer<unknown>] });
    expect(analyzerResult(m, whole)).toEqual(['etc/os-release=8', 'app/main.js=15']);
    expect(analyzerResult(m, streaming)).toEqual(['usr/bin/tool:100', 'null', 'app/main.js']);
    expect(m.skipped).toEqual([{ analyzer: 'whole', path: '/usr/bin/tool', layer: 0, size: 100 }]);
    expect(m.analyzerProblems).toEqual([
      { analyzer: 'broken', message: 'boom', layer: 0, path: '/etc/os-release' },
    ]);
    expect(analyzerResult(m, broken)).toBeUndefined();
  });
});
