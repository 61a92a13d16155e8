import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createRequire } from 'node:module';
import { Duplex, type Readable, Transform, type TransformCallback } from 'node:stream';
import * as zlib from 'node:zlib';

export type Compression = 'gzip' | 'zstd' | 'none';

/** How zstd layers are decompressed, in order of preference (DESIGN §6). */
export type ZstdBackend = 'node' | 'program' | 'fzstd';

const CHUNK = 1024 * 1024;
/** Largest zstd window accepted (zstd's own default decompression memory limit). */
export const ZSTD_MAX_WINDOW = 128 * 1024 * 1024;

export function sniffCompression(head: Buffer): Compression {
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  if (head.length >= 4 && head.readUInt32LE(0) === 0xfd2fb528) return 'zstd';
  return 'none';
}

/** Reads the first `n` bytes of a stream without consuming them (they are pushed back). */
export async function peek(stream: Readable, n: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let length = 0;
  let ended = false;
  const onEnd = () => {
    ended = true;
  };
  stream.once('end', onEnd);
  try {
    while (length < n && !ended) {
      const chunk = stream.read() as Buffer | null;
      if (chunk !== null) {
        chunks.push(chunk);
        length += chunk.length;
        continue;
      }
      if (stream.readableEnded || stream.destroyed) break;
      await Promise.race([once(stream, 'readable'), once(stream, 'end')]);
    }
  } finally {
    stream.off('end', onEnd);
  }
  const head = Buffer.concat(chunks);
  if (head.length > 0) stream.unshift(head);
  return head;
}

let cachedBackend: ZstdBackend | null = null;

function hasNodeZstd(): boolean {
  return typeof (zlib as unknown as { createZstdDecompress?: unknown }).createZstdDecompress === 'function';
}

async function hasZstdProgram(): Promise<boolean> {
  try {
    const child = spawn('zstd', ['--version'], { stdio: 'ignore' });
    const [code] = (await once(child, 'exit')) as [number | null];
    return code === 0;
  } catch {
    return false;
  }
}

/** The zstd backend to use: node's zlib when it has zstd, else the `zstd` program, else fzstd. */
export async function zstdBackend(preferred?: ZstdBackend): Promise<ZstdBackend> {
  if (preferred) return preferred;
  if (cachedBackend) return cachedBackend;
  cachedBackend = hasNodeZstd() ? 'node' : (await hasZstdProgram()) ? 'program' : 'fzstd';
  return cachedBackend;
}

/** A decompressing stream for a layer, or null for uncompressed data. */
export async function createDecompressor(kind: Compression, zstd?: ZstdBackend): Promise<Duplex | null> {
  if (kind === 'none') return null;
  if (kind === 'gzip') return zlib.createGunzip({ chunkSize: CHUNK });
  const backend = await zstdBackend(zstd);
  if (backend === 'node') {
    const z = zlib as unknown as {
      createZstdDecompress(o: object): Duplex;
      constants: Record<string, number>;
    };
    const windowLogMax = z.constants.ZSTD_d_windowLogMax;
    return z.createZstdDecompress({
      chunkSize: CHUNK,
      ...(windowLogMax !== undefined ? { params: { [windowLogMax]: 27 } } : {}),
    });
  }
  if (backend === 'program') return zstdProgram();
  return new FzstdTransform();
}

/** `zstd -dc` as a duplex stream; its exit status and message become the stream's error. */
function zstdProgram(): Duplex {
  const child = spawn('zstd', ['-d', '-c', '-q', `--memory=${ZSTD_MAX_WINDOW / 1024 / 1024}MB`], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  const duplex = new Duplex({
    readableHighWaterMark: CHUNK,
    write(chunk: Buffer, _enc, cb) {
      if (child.stdin.write(chunk)) cb();
      else child.stdin.once('drain', () => cb());
    },
    final(cb) {
      child.stdin.end();
      cb();
    },
    read() {
      child.stdout.resume();
    },
    destroy(error, cb) {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      cb(error);
    },
  });
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (d: string) => {
    if (stderr.length < 2000) stderr += d;
  });
  child.stdout.on('data', (d: Buffer) => {
    if (!duplex.push(d)) child.stdout.pause();
  });
  // EPIPE when zstd stops early: its exit status carries the reason.
  child.stdin.on('error', () => {});
  child.on('error', (error) => duplex.destroy(error));
  child.on('close', (code, signal) => {
    if (code === 0) duplex.push(null);
    else {
      const reason = stderr.trim().split('\n').pop() || `exit ${code ?? signal}`;
      duplex.destroy(new Error(`zstd data is corrupt or truncated: ${reason}`));
    }
  });
  return duplex;
}

interface FzstdModule {
  Decompress: new (
    ondata: (data: Uint8Array, final?: boolean) => void,
  ) => { push(c: Uint8Array, f?: boolean): void };
}

/** Reads the window size a zstd frame header declares (RFC 8878 §3.1.1.1), or null when it is incomplete. */
export function zstdWindowSize(head: Uint8Array): number | null {
  if (head.length < 6) return null;
  const fhd = head[4]!;
  const singleSegment = (fhd >> 5) & 1;
  const fcsFlag = fhd >> 6;
  if (!singleSegment) {
    const wd = head[5]!;
    const exponent = wd >> 3;
    const base = 2 ** (10 + exponent);
    return base + (base / 8) * (wd & 7);
  }
  // Single segment: the window is the content size.
  const dictBytes = [0, 1, 2, 4][fhd & 3]!;
  const fcsBytes = [1, 2, 4, 8][fcsFlag]!;
  const at = 5 + dictBytes;
  if (head.length < at + fcsBytes) return null;
  let size = 0;
  for (let i = fcsBytes - 1; i >= 0; i--) size = size * 256 + head[at + i]!;
  return fcsBytes === 2 ? size + 256 : size;
}

/** Most bytes fzstd may produce from one 64 KiB slice of input before it is stopped (real data: a few MiB). */
const FZSTD_STEP_LIMIT = 64 * 1024 * 1024;
const FZSTD_SLICE = 64 * 1024;

/**
 * fzstd (pure JS) as a transform. fzstd decompresses everything it is given in one synchronous call,
 * so input goes in 64 KiB slices, the next slice waits until the output was taken (backpressure), and a
 * slice that expands past FZSTD_STEP_LIMIT is refused. Frames asking for a window over ZSTD_MAX_WINDOW
 * are refused before fzstd allocates it.
 */
class FzstdTransform extends Transform {
  private decoder: { push(c: Uint8Array, f?: boolean): void } | null = null;
  private checked = false;
  private step = 0;
  private blocked = false;
  private pending: { chunk: Buffer; offset: number; cb: TransformCallback } | null = null;

  constructor() {
    super({ readableHighWaterMark: CHUNK });
  }

  private init(): void {
    const require = createRequire(import.meta.url);
    const { Decompress } = require('fzstd') as FzstdModule;
    this.decoder = new Decompress((data) => {
      this.step += data.length;
      if (this.step > FZSTD_STEP_LIMIT)
        throw new Error('zstd data expands too fast: refusing a possible decompression bomb');
      if (!this.push(Buffer.from(data.buffer, data.byteOffset, data.byteLength))) this.blocked = true;
    });
  }

  private pump(): void {
    while (this.pending) {
      const p = this.pending;
      const slice = p.chunk.subarray(p.offset, p.offset + FZSTD_SLICE);
      p.offset += slice.length;
      this.step = 0;
      this.blocked = false;
      try {
        this.decoder!.push(slice);
      } catch (error) {
        this.pending = null;
        p.cb(error instanceof Error ? error : new Error(String(error)));
        return;
      }
      if (p.offset >= p.chunk.length) {
        this.pending = null;
        p.cb();
        return;
      }
      if (this.blocked) return;
    }
  }

  override _read(size: number): void {
    super._read(size);
    if (this.pending && this.blocked) setImmediate(() => this.pump());
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    if (!this.checked) {
      const window = zstdWindowSize(chunk);
      if (window !== null && window > ZSTD_MAX_WINDOW) {
        cb(new Error(`zstd frame asks for a ${window}-byte window (limit ${ZSTD_MAX_WINDOW})`));
        return;
      }
      this.checked = true;
      this.init();
    }
    this.pending = { chunk, offset: 0, cb };
    this.pump();
  }

  override _flush(cb: TransformCallback): void {
    try {
      if (!this.decoder) this.init();
      this.step = 0;
      this.decoder!.push(new Uint8Array(0), true);
      cb();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      cb(new Error(`zstd data is corrupt or truncated: ${message}`));
    }
  }
}
