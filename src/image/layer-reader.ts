import { type Duplex, type Readable, Transform, type TransformCallback } from 'node:stream';
import tar, { type Header } from 'tar-stream';
import type { LayerEntry } from './analyzer.js';
import {
  type Compression,
  createDecompressor,
  peek,
  sniffCompression,
  type ZstdBackend,
} from './decompress.js';
import { DigestAccumulator, shortDigest } from './digest.js';
import { describeError, ImageInputError } from './errors.js';
import type { ReadLimits } from './limits.js';
import type { LayerBlob } from './sources/types.js';
import { EntryError, toLayerEntry } from './tar-entry.js';

/** A layer entry's content as tar-stream delivers it (must be consumed or resumed). */
export type EntryBody = AsyncIterable<Buffer> & { resume(): unknown };

export interface LayerReadOptions {
  source: string;
  limits: ReadLimits;
  zstd?: ZstdBackend;
  /** Also hash decompressed content of compressed layers to check rootfs.diff_ids (slower). */
  verifyDiffIds?: boolean;
  /** Uncompressed bytes already produced by earlier layers (for the image-wide limit). */
  bytesBefore: number;
  /** Progress: stored (compressed) bytes read so far in this layer. */
  onProgress?: (storedBytes: number) => void;
}

export interface LayerReadResult {
  compression: Compression;
  storedBytes: number;
  uncompressedBytes: number;
  entries: number;
}

/** Counts and bounds decompressed bytes; optionally hashes them for the diff_id. */
class UncompressedMeter extends Transform {
  bytes = 0;
  readonly hash: DigestAccumulator | null;

  constructor(
    private readonly check: (bytes: number) => string | null,
    hashIt: boolean,
  ) {
    super({ highWaterMark: 1024 * 1024 });
    this.hash = hashIt ? new DigestAccumulator() : null;
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    this.bytes += chunk.length;
    const problem = this.check(this.bytes);
    if (problem) {
      cb(new Error(problem));
      return;
    }
    this.hash?.update(chunk);
    cb(null, chunk);
  }
}

function layerName(blob: LayerBlob): string {
  return `layer ${blob.index + 1} (${blob.digest ? shortDigest(blob.digest) : blob.where})`;
}

function explain(error: unknown, compression: Compression): string {
  const message = describeError(error);
  const code = (error as NodeJS.ErrnoException)?.code;
  if (compression === 'gzip' && (code === 'Z_BUF_ERROR' || /unexpected end/i.test(message)))
    return 'gzip data is truncated (unexpected end of file)';
  if (compression === 'gzip' && (code === 'Z_DATA_ERROR' || /incorrect|invalid/i.test(message)))
    return `gzip data is corrupt: ${message}`;
  if (/Unexpected end of data/.test(message)) return 'tar data is truncated (unexpected end of data)';
  if (/Invalid tar header|checksum/i.test(message)) return `not a valid tar stream: ${message}`;
  if (/Header exceeds max size/.test(message)) return 'tar extended header exceeds 4 MiB (refused)';
  return message;
}

/**
 * Streams one layer: sniffs its compression, decompresses with bounds (size, ratio), verifies digests,
 * parses the tar and calls `onEntry` for each entry in order. Content is never held whole here:
 * `onEntry` reads or skips `body`. Nothing is written to disk.
 */
export async function readLayer(
  blob: LayerBlob,
  options: LayerReadOptions,
  onEntry: (entry: LayerEntry, body: EntryBody, header: Header) => Promise<void>,
): Promise<LayerReadResult> {
  const { limits, source } = options;
  const where = layerName(blob);
  let stored: Readable;
  try {
    stored = await blob.open();
  } catch (error) {
    if (error instanceof ImageInputError) throw error;
    throw new ImageInputError(source, `cannot open: ${describeError(error)}`, where);
  }
  let compression: Compression = 'none';
  let storedBytes = 0;
  let storedHash: DigestAccumulator | null = null;
  const fail = (message: string) => new ImageInputError(source, message, where);
  let meter: UncompressedMeter | null = null;
  let decompressor: Duplex | null = null;
  let entries = 0;
  const extract = tar.extract();
  try {
    const head = await peek(stored, 6);
    compression = sniffCompression(head);
    decompressor = await createDecompressor(compression, options.zstd);
    // Stored digests are checked for compressed blobs (hashing costs little next to decompressing);
    // uncompressed content (where the stored digest is the diff_id) only with verifyDiffIds.
    const verifyAll = options.verifyDiffIds === true;
    if (blob.digest?.startsWith('sha256:') && (compression !== 'none' || verifyAll))
      storedHash = new DigestAccumulator();
    const hash = storedHash;
    stored.on('data', (chunk: Buffer) => {
      storedBytes += chunk.length;
      hash?.update(chunk);
      options.onProgress?.(storedBytes);
    });
    const hashUncompressed =
      verifyAll &&
      blob.diffId !== null &&
      !(compression === 'none' && hash !== null && blob.digest === blob.diffId);
    meter = new UncompressedMeter((bytes) => {
      if (bytes > limits.maxLayerBytes)
        return `layer is larger than the limit of ${limits.maxLayerBytes} bytes`;
      if (options.bytesBefore + bytes > limits.maxImageBytes)
        return `image is larger than the limit of ${limits.maxImageBytes} bytes`;
      if (compression !== 'none' && bytes > limits.ratioFloorBytes && bytes > storedBytes * limits.maxRatio)
        return `layer expands more than ${limits.maxRatio}:1 (${bytes} bytes from ${storedBytes}): refusing a possible decompression bomb`;
      return null;
    }, hashUncompressed);
    const m = meter;
    const onError = (error: unknown) =>
      extract.destroy(error instanceof Error ? error : new Error(String(error)));
    stored.on('error', onError);
    m.on('error', onError);
    const d = decompressor;
    if (d) {
      d.on('error', (error) => onError(new Error(explain(error, compression))));
      stored.pipe(d).pipe(m);
    } else stored.pipe(m);
    m.pipe(extract as unknown as NodeJS.WritableStream);

    for await (const body of extract as AsyncIterable<Readable & { header: Header }>) {
      const header = body.header;
      let entry: LayerEntry | null;
      try {
        entry = toLayerEntry(header, limits.maxPathBytes);
      } catch (error) {
        if (error instanceof EntryError) throw fail(`${error.message} (entry ${entries + 1})`);
        throw error;
      }
      entries++;
      if (entry === null) {
        body.resume();
        continue;
      }
      await onEntry(entry, body as unknown as EntryBody, header);
      // Whatever onEntry left unread is skipped.
      body.resume();
    }
  } catch (error) {
    // Stop everything, including a zstd child process, before reporting.
    stored.destroy();
    decompressor?.destroy();
    meter?.destroy();
    extract.destroy();
    if (error instanceof ImageInputError) throw error;
    throw fail(explain(error, compression));
  }
  if (storedHash && blob.digest) {
    const actual = storedHash.digest();
    if (actual !== blob.digest) throw fail(`digest mismatch: content is ${shortDigest(actual)}`);
  }
  const uncompressedBytes = meter?.bytes ?? 0;
  if (meter?.hash && blob.diffId?.startsWith('sha256:')) {
    const actual = meter.hash.digest();
    if (actual !== blob.diffId)
      throw fail(
        `diff_id mismatch: content is ${shortDigest(actual)}, the config says ${shortDigest(blob.diffId)}`,
      );
  }
  return { compression, storedBytes, uncompressedBytes, entries };
}
