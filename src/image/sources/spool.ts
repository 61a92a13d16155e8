import { createWriteStream, promises as fs, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createDecompressor, peek, sniffCompression } from '../decompress.js';

export interface Spooled {
  path: string;
  bytes: number;
  cleanup(): Promise<void>;
}

/**
 * Copies a stream (stdin, a daemon's export) to a private temporary file, decompressing a gzip or
 * zstd stream on the way: a docker save archive lists its manifest after its layers, so layers can only
 * be read in order once the whole archive is at hand. The file (mode 0600, in a 0700 folder) is removed
 * by `cleanup()`, and at exit if the process ends first. Nothing is extracted.
 */
export async function spoolToTemp(input: Readable, onBytes?: (bytes: number) => void): Promise<Spooled> {
  const dir = await fs.mkdtemp(join(tmpdir(), 'dockaudit-spool-'));
  const path = join(dir, 'image.tar');
  const atExit = () => rmSync(dir, { recursive: true, force: true });
  process.once('exit', atExit);
  const cleanup = async () => {
    process.off('exit', atExit);
    await fs.rm(dir, { recursive: true, force: true });
  };
  try {
    const head = await peek(input, 6);
    const decompressor = await createDecompressor(sniffCompression(head));
    let bytes = 0;
    let lastReport = 0;
    input.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (onBytes && bytes - lastReport >= 16 * 1024 * 1024) {
        lastReport = bytes;
        onBytes(bytes);
      }
    });
    const out = createWriteStream(path, { mode: 0o600, flags: 'wx' });
    if (decompressor) await pipeline(input, decompressor, out);
    else await pipeline(input, out);
    return { path, bytes, cleanup };
  } catch (error) {
    await cleanup();
    throw error;
  }
}
