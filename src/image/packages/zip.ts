/**
 * A small read-only ZIP reader (APPNOTE 6.3: end of central directory, Zip64, stored and deflated
 * entries), used for Java archives and OSV database archives. Own code rather than a dependency: the
 * part of the format we need is small, it reads from a Buffer or a file descriptor without extracting,
 * and every size is checked (declared sizes, CRC-32, an entry size limit against zip bombs).
 */
import { readSync } from 'node:fs';
import { crc32, inflateRawSync } from 'node:zlib';

/** Random access to the archive's bytes. */
export interface ZipSource {
  readonly size: number;
  read(offset: number, length: number): Buffer;
}

export function bufferSource(buffer: Buffer): ZipSource {
  return {
    size: buffer.length,
    read: (offset, length) => buffer.subarray(offset, Math.min(offset + length, buffer.length)),
  };
}

export function fileSource(fd: number, size: number): ZipSource {
  return {
    size,
    read(offset, length) {
      const out = Buffer.alloc(Math.max(0, Math.min(length, size - offset)));
      let done = 0;
      while (done < out.length) {
        const n = readSync(fd, out, done, out.length - done, offset + done);
        if (n === 0) break;
        done += n;
      }
      return out.subarray(0, done);
    },
  };
}

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

export class ZipError extends Error {}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX32 = 0xffffffff;

function u64(buf: Buffer, at: number): number {
  const value = buf.readBigUInt64LE(at);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new ZipError('Zip64 value too large');
  return Number(value);
}

/** Reads the central directory. Throws `ZipError` when the archive is malformed. */
export function readZipEntries(source: ZipSource): ZipEntry[] {
  if (source.size < 22) throw new ZipError('not a ZIP archive (too short)');
  const tailLength = Math.min(source.size, 22 + 65535);
  const tail = source.read(source.size - tailLength, tailLength);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD && i + 22 + tail.readUInt16LE(i + 20) === tail.length) {
      eocd = i;
      break;
    }
  }
  if (eocd === -1) throw new ZipError('not a ZIP archive (no end of central directory)');
  let count = tail.readUInt16LE(eocd + 10);
  let cdSize = tail.readUInt32LE(eocd + 12);
  let cdOffset = tail.readUInt32LE(eocd + 16);
  if ((count === 0xffff || cdSize === MAX32 || cdOffset === MAX32) && eocd >= 20) {
    if (tail.readUInt32LE(eocd - 20) === ZIP64_LOCATOR) {
      const at = u64(tail, eocd - 20 + 8);
      const z = source.read(at, 56);
      if (z.length < 56 || z.readUInt32LE(0) !== ZIP64_EOCD)
        throw new ZipError('bad Zip64 end of central directory');
      count = u64(z, 32);
      cdSize = u64(z, 40);
      cdOffset = u64(z, 48);
    }
  }
  if (cdOffset + cdSize > source.size) throw new ZipError('central directory past the end of the archive');
  const cd = source.read(cdOffset, cdSize);
  const entries: ZipEntry[] = [];
  let p = 0;
  for (let n = 0; n < count; n++) {
    if (p + 46 > cd.length || cd.readUInt32LE(p) !== CENTRAL)
      throw new ZipError(`bad central directory entry ${n}`);
    const flags = cd.readUInt16LE(p + 8);
    const method = cd.readUInt16LE(p + 10);
    const crc = cd.readUInt32LE(p + 16);
    let compressedSize = cd.readUInt32LE(p + 20);
    let size = cd.readUInt32LE(p + 24);
    const nameLength = cd.readUInt16LE(p + 28);
    const extraLength = cd.readUInt16LE(p + 30);
    const commentLength = cd.readUInt16LE(p + 32);
    let localOffset = cd.readUInt32LE(p + 42);
    if (p + 46 + nameLength + extraLength + commentLength > cd.length)
      throw new ZipError(`central directory entry ${n} runs past its end`);
    const name = cd.toString(flags & 0x800 ? 'utf8' : 'latin1', p + 46, p + 46 + nameLength);
    const extra = cd.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength);
    for (let e = 0; e + 4 <= extra.length; ) {
      const id = extra.readUInt16LE(e);
      const length = extra.readUInt16LE(e + 2);
      if (id === 0x0001) {
        let q = e + 4;
        if (size === MAX32 && q + 8 <= e + 4 + length) size = u64(extra, (q += 8) - 8);
        if (compressedSize === MAX32 && q + 8 <= e + 4 + length) compressedSize = u64(extra, (q += 8) - 8);
        if (localOffset === MAX32 && q + 8 <= e + 4 + length) localOffset = u64(extra, q);
      }
      e += 4 + length;
    }
    entries.push({ name, method, flags, crc, compressedSize, size, localOffset });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** An entry's content, checked against its declared size and CRC-32; `maxBytes` bounds what is inflated. */
export function readZipEntry(source: ZipSource, entry: ZipEntry, maxBytes = 256 * 1024 * 1024): Buffer {
  if (entry.flags & 1) throw new ZipError(`${entry.name}: encrypted entries are not supported`);
  if (entry.size > maxBytes)
    throw new ZipError(`${entry.name}: ${entry.size} bytes is over the ${maxBytes}-byte limit`);
  const header = source.read(entry.localOffset, 30);
  if (header.length < 30 || header.readUInt32LE(0) !== LOCAL)
    throw new ZipError(`${entry.name}: bad local header`);
  const start = entry.localOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  const data = source.read(start, entry.compressedSize);
  if (data.length < entry.compressedSize) throw new ZipError(`${entry.name}: truncated`);
  let content: Buffer;
  if (entry.method === 0) content = data;
  else if (entry.method === 8) {
    try {
      content = inflateRawSync(data, { maxOutputLength: Math.max(1, entry.size) });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE')
        throw new ZipError(`${entry.name}: inflates past its declared ${entry.size} bytes`);
      throw new ZipError(`${entry.name}: ${(error as Error).message}`);
    }
  } else throw new ZipError(`${entry.name}: compression method ${entry.method} is not supported`);
  if (content.length !== entry.size) throw new ZipError(`${entry.name}: size differs from the declared size`);
  if (crc32(content) >>> 0 !== entry.crc) throw new ZipError(`${entry.name}: CRC-32 mismatch`);
  return content;
}
