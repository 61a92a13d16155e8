import type { Readable } from 'node:stream';
import { digestOf, shortDigest } from '../digest.js';
import { ImageInputError } from '../errors.js';
import {
  type Descriptor,
  type ImageConfig,
  type ImageIndex,
  type ImageManifest,
  MEDIA,
  type Platform,
  parseJson,
  readImageConfig,
  readManifestOrIndex,
} from '../oci.js';
import { describePlatforms, formatPlatform, selectManifest } from '../platform.js';
import type { LayerBlob } from './types.js';

/** Access to the content-addressed parts of an image (an OCI layout's blobs, a registry). */
export interface BlobReader {
  readonly source: string;
  /** Reads a manifest or index by digest (whole, bounded). */
  readManifest(desc: Descriptor, maxBytes: number, where: string): Promise<Buffer>;
  /** Reads a small blob (a config) whole. */
  readBlob(desc: Descriptor, maxBytes: number, where: string): Promise<Buffer>;
  openBlob(desc: Descriptor, where: string): Promise<Readable>;
  /** Where a blob lives, for messages. */
  whereOf(desc: Descriptor): string;
}

/** Checks that content matches its descriptor (digest and size): a mismatch is corruption or tampering. */
export function verifyContent(source: string, desc: Descriptor, data: Buffer, where: string): void {
  if (desc.size !== data.length)
    throw new ImageInputError(
      source,
      `size is ${data.length} bytes, the descriptor says ${desc.size}`,
      where,
    );
  const algorithm = desc.digest.startsWith('sha512:') ? 'sha512' : 'sha256';
  const actual = digestOf(data, algorithm);
  if (actual !== desc.digest)
    throw new ImageInputError(source, `digest mismatch: content is ${shortDigest(actual)}`, where);
}

export interface ChosenManifest {
  manifest: ImageManifest;
  manifestDigest: string | null;
  platforms: Platform[];
}

/** Walks from an index (possibly nested) to one image manifest, choosing by platform. */
export async function chooseManifest(
  reader: BlobReader,
  top: ImageIndex | ImageManifest,
  topDigest: string | null,
  platform: Platform | null,
  maxJsonBytes: number,
): Promise<ChosenManifest> {
  let doc = top;
  let digest = topDigest;
  let platforms: Platform[] = [];
  for (let depth = 0; doc.kind === 'index'; depth++) {
    if (depth > 4) throw new ImageInputError(reader.source, 'indexes nested more than 4 deep');
    let chosen = selectManifest(doc.manifests, platform);
    if (!chosen) {
      // A layout's index.json often points at one nested index (a tag of a multi-platform image).
      const nested = doc.manifests.filter(
        (m) => !m.platform && (m.mediaType === MEDIA.ociIndex || m.mediaType === MEDIA.dockerList),
      );
      if (nested.length === 1) chosen = nested[0]!;
    }
    if (doc.manifests.some((m) => m.platform))
      platforms = doc.manifests.flatMap((m) => (m.platform ? [m.platform] : []));
    if (!chosen) {
      const wanted = platform ? formatPlatform(platform) : 'this machine';
      throw new ImageInputError(
        reader.source,
        `no image for ${wanted} in the index; it has: ${describePlatforms(doc.manifests)} (choose with --platform)`,
      );
    }
    const where = reader.whereOf(chosen);
    const data = await reader.readManifest(chosen, maxJsonBytes, where);
    doc = readManifestOrIndex(parseJson(data, reader.source, where), reader.source, where, chosen.mediaType);
    digest = chosen.digest;
  }
  return { manifest: doc, manifestDigest: digest, platforms };
}

export interface ImageParts {
  config: ImageConfig;
  configDigest: string;
  layers: LayerBlob[];
}

/** Reads the config of a manifest and prepares its layers. */
export async function readManifestParts(
  reader: BlobReader,
  manifest: ImageManifest,
  maxJsonBytes: number,
  maxLayers: number,
): Promise<ImageParts> {
  const where = reader.whereOf(manifest.config);
  const data = await reader.readBlob(manifest.config, maxJsonBytes, where);
  const config = readImageConfig(parseJson(data, reader.source, where), reader.source, where);
  if (manifest.layers.length > maxLayers)
    throw new ImageInputError(
      reader.source,
      `${manifest.layers.length} layers is more than the limit of ${maxLayers}`,
    );
  if (config.rootfs.diff_ids.length !== manifest.layers.length)
    throw new ImageInputError(
      reader.source,
      `the manifest lists ${manifest.layers.length} layers but the config ${config.rootfs.diff_ids.length} diff_ids`,
      where,
    );
  const layers: LayerBlob[] = manifest.layers.map((desc, index) => ({
    index,
    digest: desc.digest,
    diffId: config.rootfs.diff_ids[index] ?? null,
    mediaType: desc.mediaType,
    size: desc.size,
    where: reader.whereOf(desc),
    open: () => reader.openBlob(desc, reader.whereOf(desc)),
  }));
  return { config, configDigest: manifest.config.digest, layers };
}

/** Fails when a single-platform image is not the platform asked for. */
export function checkPlatform(source: string, config: ImageConfig, platform: Platform | null): void {
  if (!platform || !config.os || !config.architecture) return;
  if (config.os !== platform.os || config.architecture !== platform.architecture)
    throw new ImageInputError(
      source,
      `the image is ${formatPlatform({ os: config.os, architecture: config.architecture })}, not ${formatPlatform(platform)}`,
    );
}
