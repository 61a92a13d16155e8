/**
 * Builds small images for tests, in every source format, from a list of layers of entries.
 * Everything is generated here (no fixtures on disk), including hostile variants.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import tar from 'tar-stream';

export interface TestEntry {
  path: string;
  type?: 'file' | 'dir' | 'symlink' | 'hardlink';
  content?: string | Buffer;
  mode?: number;
  linkname?: string;
  uid?: number;
}

export interface TestHistory {
  created_by: string;
  empty_layer?: boolean;
  comment?: string;
}

export interface TestImage {
  layers: TestEntry[][];
  history?: TestHistory[];
  config?: Record<string, unknown>;
  architecture?: string;
  os?: string;
}

export const sha256 = (data: Buffer | string) => `sha256:${createHash('sha256').update(data).digest('hex')}`;

/** A layer tar of the entries, in order (directories get mode 0755, files 0644 unless given). */
export async function layerTar(entries: TestEntry[]): Promise<Buffer> {
  const pack = tar.pack();
  const chunks: Buffer[] = [];
  const done = new Promise<void>((resolve, reject) => {
    pack.on('data', (c: unknown) => chunks.push(c as Buffer));
    pack.on('end', () => resolve());
    pack.on('error', reject);
  });
  for (const e of entries) {
    const type = e.type ?? (e.content !== undefined ? 'file' : 'dir');
    const header = {
      name: e.path,
      type: type === 'dir' ? ('directory' as const) : type === 'hardlink' ? ('link' as const) : type,
      mode: e.mode ?? (type === 'dir' ? 0o755 : type === 'symlink' ? 0o777 : 0o644),
      uid: e.uid ?? 0,
      gid: 0,
      mtime: new Date(1_700_000_000_000),
      ...(e.linkname !== undefined ? { linkname: e.linkname } : {}),
    };
    await new Promise<void>((resolve, reject) => {
      if (type === 'file')
        pack.entry(
          header,
          typeof e.content === 'string' ? Buffer.from(e.content) : (e.content ?? Buffer.alloc(0)),
          (err) => (err ? reject(err) : resolve()),
        );
      else pack.entry(header, (err) => (err ? reject(err) : resolve()));
    });
  }
  pack.finalize();
  await done;
  return Buffer.concat(chunks);
}

export function hasZstd(): boolean {
  return spawnSync('zstd', ['--version']).status === 0;
}

export function zstdCompress(data: Buffer): Buffer {
  const r = spawnSync('zstd', ['-q', '-c', '-3'], { input: data, maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`zstd failed: ${r.stderr}`);
  return r.stdout;
}

export function configFor(image: TestImage, diffIds: string[]): Buffer {
  return Buffer.from(
    JSON.stringify({
      architecture: image.architecture ?? 'amd64',
      os: image.os ?? 'linux',
      config: image.config ?? {},
      rootfs: { type: 'layers', diff_ids: diffIds },
      history: image.history ?? image.layers.map((_, i) => ({ created_by: `/bin/sh -c step ${i}` })),
    }),
  );
}

export async function tempDir(prefix = 'da-img-'): Promise<string> {
  return fs.mkdtemp(join(tmpdir(), prefix));
}

/** Writes a tar of named files (the outer archive of docker save / oci-archive). */
export async function writeTar(
  path: string,
  files: Array<{ name: string; data?: Buffer; type?: 'dir' | 'symlink'; linkname?: string }>,
): Promise<void> {
  const pack = tar.pack();
  const out = (await import('node:fs')).createWriteStream(path);
  const done = new Promise<void>((resolve, reject) => {
    out.on('finish', () => resolve());
    out.on('error', reject);
  });
  pack.pipe(out);
  for (const f of files) {
    await new Promise<void>((resolve, reject) => {
      if (f.type === 'dir')
        pack.entry({ name: f.name, type: 'directory', mode: 0o755 }, (e) => (e ? reject(e) : resolve()));
      else if (f.type === 'symlink')
        pack.entry({ name: f.name, type: 'symlink', linkname: f.linkname ?? '' }, (e) =>
          e ? reject(e) : resolve(),
        );
      else
        pack.entry({ name: f.name, mode: 0o644 }, f.data ?? Buffer.alloc(0), (e) =>
          e ? reject(e) : resolve(),
        );
    });
  }
  pack.finalize();
  await done;
}

/** A legacy `docker save` archive: manifest.json, <id>.json, <id>/layer.tar (uncompressed layers). */
export async function writeDockerArchive(
  path: string,
  image: TestImage,
  options: { repoTags?: string[]; layerData?: Buffer[]; manifest?: Buffer; config?: Buffer } = {},
): Promise<void> {
  const tars = options.layerData ?? (await Promise.all(image.layers.map(layerTar)));
  const diffIds = tars.map((t) => sha256(t));
  const config = options.config ?? configFor(image, diffIds);
  const configName = `${sha256(config).slice(7)}.json`;
  const layerNames = tars.map(
    (_, i) => `${createHash('sha256').update(`layer${i}`).digest('hex')}/layer.tar`,
  );
  const manifest =
    options.manifest ??
    Buffer.from(
      JSON.stringify([
        { Config: configName, RepoTags: options.repoTags ?? ['example/app:1'], Layers: layerNames },
      ]),
    );
  await writeTar(path, [
    ...tars.map((t, i) => ({ name: layerNames[i]!, data: t })),
    { name: configName, data: config },
    { name: 'manifest.json', data: manifest },
  ]);
}

export type LayerCompression = 'gzip' | 'zstd' | 'none';

export interface OciBlobs {
  files: Array<{ name: string; data: Buffer }>;
  manifestDigest: string;
}

/** The files of an OCI image layout for one image (or, with `platforms`, an index of several). */
export async function ociFiles(
  images: Array<TestImage & { platform?: { os: string; architecture: string } }>,
  options: { compression?: LayerCompression; refName?: string; nestedIndex?: boolean } = {},
): Promise<OciBlobs> {
  const files: Array<{ name: string; data: Buffer }> = [];
  const blob = (data: Buffer) => {
    const d = sha256(data);
    if (!files.some((f) => f.name === `blobs/sha256/${d.slice(7)}`))
      files.push({ name: `blobs/sha256/${d.slice(7)}`, data });
    return { digest: d, size: data.length };
  };
  const descriptors = [];
  for (const image of images) {
    const tars = await Promise.all(image.layers.map(layerTar));
    const compression = options.compression ?? 'gzip';
    const stored = tars.map((t) =>
      compression === 'gzip' ? gzipSync(t) : compression === 'zstd' ? zstdCompress(t) : t,
    );
    const config = configFor(
      image,
      tars.map((t) => sha256(t)),
    );
    const mediaType =
      compression === 'gzip'
        ? 'application/vnd.oci.image.layer.v1.tar+gzip'
        : compression === 'zstd'
          ? 'application/vnd.oci.image.layer.v1.tar+zstd'
          : 'application/vnd.oci.image.layer.v1.tar';
    const manifest = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        config: { mediaType: 'application/vnd.oci.image.config.v1+json', ...blob(config) },
        layers: stored.map((s) => ({ mediaType, ...blob(s) })),
      }),
    );
    descriptors.push({
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      ...blob(manifest),
      ...(image.platform ? { platform: image.platform } : {}),
    });
  }
  let top = descriptors;
  if (options.nestedIndex || images.length > 1) {
    const index = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.index.v1+json',
        manifests: descriptors,
      }),
    );
    top = [{ mediaType: 'application/vnd.oci.image.index.v1+json', ...blob(index) }];
  }
  const annotated = top.map((d) => ({
    ...d,
    annotations: { 'org.opencontainers.image.ref.name': options.refName ?? '1' },
  }));
  files.push({
    name: 'index.json',
    data: Buffer.from(JSON.stringify({ schemaVersion: 2, manifests: annotated })),
  });
  files.push({ name: 'oci-layout', data: Buffer.from('{"imageLayoutVersion":"1.0.0"}') });
  return { files, manifestDigest: top[0]!.digest };
}

export async function writeOciLayout(dir: string, blobs: OciBlobs): Promise<void> {
  for (const f of blobs.files) {
    await fs.mkdir(join(dir, f.name, '..'), { recursive: true });
    await fs.writeFile(join(dir, f.name), f.data);
  }
}

export async function writeOciArchive(path: string, blobs: OciBlobs): Promise<void> {
  await writeTar(path, blobs.files);
}
