import type { Readable } from 'node:stream';
import type { ReadLimits } from '../limits.js';
import type { ImageConfig, Platform } from '../oci.js';

export type SourceKind = 'docker-archive' | 'oci-archive' | 'oci-layout' | 'daemon' | 'registry';

/** One layer blob of an image, opened on demand (compressed or not; the reader sniffs the format). */
export interface LayerBlob {
  /** 0-based, base layers first. */
  index: number;
  /** Digest of the blob as stored (verified while reading when known), or null. */
  digest: string | null;
  /** Uncompressed digest from the config's rootfs.diff_ids, or null when the config lists fewer. */
  diffId: string | null;
  mediaType: string;
  /** Stored (possibly compressed) size in bytes when known. */
  size: number | null;
  /** Where the blob lives, for messages (`blobs/sha256/ab12…`, `3f4e…/layer.tar`). */
  where: string;
  open(): Promise<Readable>;
}

/** An image located in a source, with its manifest and config read and its layers ready to stream. */
export interface ResolvedImage {
  /** The source as the user named it. */
  source: string;
  kind: SourceKind;
  /** Tags the source records for the image (RepoTags, ref.name annotation, the reference asked for). */
  tags: string[];
  /** The reference the image was asked for by (daemon, registry), else null. */
  reference: string | null;
  manifestDigest: string | null;
  configDigest: string | null;
  /** Platforms an index offered, when the image came from one. */
  platforms: Platform[];
  config: ImageConfig;
  layers: LayerBlob[];
  /** Releases what opening the source took (temporary spool files, sockets). */
  close(): Promise<void>;
}

export interface OpenOptions {
  platform?: Platform | null;
  /** Allow plain HTTP to a registry on a loopback address. */
  insecure?: boolean;
  limits: ReadLimits;
  /** Picks an image by tag in an archive or layout holding several. */
  tag?: string;
  /** Called while a source is being copied (stdin, daemon export), with bytes so far. */
  onSpool?: (bytes: number) => void;
  /** Registry credentials (else docker's config.json and DOCKAUDIT_REGISTRY_* are consulted). */
  credentials?: { username: string; password: string } | null;
  /** Environment used for DOCKER_HOST, DOCKER_CONFIG, HOME (tests pass their own). */
  env?: NodeJS.ProcessEnv;
}
