import { createReadStream, promises as fs } from 'node:fs';
import type { Readable } from 'node:stream';
import { describeError, ImageInputError } from '../errors.js';

/** A regular file (or a symlink) inside a tar archive on disk. */
export interface TarMember {
  name: string;
  /** Offset of the content in the archive file. */
  offset: number;
  size: number;
  type: 'file' | 'symlink' | 'dir' | 'other';
  linkname: string;
}

const BLOCK = 512;
/** Reads of 4 MiB keep the file system busy while the previous chunk is parsed. */
const READ_CHUNK = 4 * 1024 * 1024;
/** Largest pax or GNU long-name record accepted while indexing an archive. */
const MAX_LONG_HEADER = 1024 * 1024;
/** Most members indexed in one outer archive (docker save archives have a few per layer). */
const MAX_MEMBERS = 200_000;

function readString(buf: Buffer, start: number, length: number): string {
  let end = start;
  const limit = start + length;
  while (end < limit && buf[end] !== 0) end++;
  return buf.toString('utf8', start, end);
}

/** Reads a numeric tar field: octal text, or GNU base-256 when the high bit of the first byte is set. */
function readNumber(buf: Buffer, start: number, length: number): number {
  if ((buf[start]! & 0x80) !== 0) {
    let value = buf[start]! & 0x7f;
    for (let i = start + 1; i < start + length; i++) value = value * 256 + buf[i]!;
    return value;
  }
  const text = readString(buf, start, length).trim();
  if (text === '') return 0;
  if (!/^[0-7]+$/.test(text)) return Number.NaN;
  return Number.parseInt(text, 8);
}

function checksumOk(header: Buffer): boolean {
  const stored = readNumber(header, 148, 8);
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : header[i]!;
  return sum === stored;
}

function isZeroBlock(buf: Buffer): boolean {
  for (let i = 0; i < BLOCK; i++) if (buf[i] !== 0) return false;
  return true;
}

function parsePax(data: Buffer): Record<string, string> {
  const out: Record<string, string> = {};
  let i = 0;
  while (i < data.length) {
    const space = data.indexOf(0x20, i);
    if (space === -1) break;
    const length = Number.parseInt(data.toString('utf8', i, space), 10);
    if (!Number.isSafeInteger(length) || length <= 0 || i + length > data.length) break;
    const record = data.toString('utf8', space + 1, i + length - 1);
    const eq = record.indexOf('=');
    if (eq > 0) out[record.slice(0, eq)] = record.slice(eq + 1);
    i += length;
  }
  return out;
}

/** Cleans a member name: no leading `./` or `/`, no trailing `/`. */
export function cleanMemberName(name: string): string {
  let n = name;
  while (n.startsWith('./')) n = n.slice(2);
  while (n.startsWith('/')) n = n.slice(1);
  while (n.endsWith('/')) n = n.slice(0, -1);
  return n;
}

/**
 * An index of an archive on disk, built by reading only its headers (content is skipped by seeking),
 * so a multi-gigabyte `docker save` archive is indexed in milliseconds and its files opened as ranges.
 */
export class TarIndex {
  private constructor(
    readonly path: string,
    readonly source: string,
    private readonly members: Map<string, TarMember>,
  ) {}

  static async open(path: string, source: string): Promise<TarIndex> {
    let handle: fs.FileHandle;
    try {
      handle = await fs.open(path, 'r');
    } catch (error) {
      throw new ImageInputError(source, `cannot open: ${describeError(error)}`);
    }
    try {
      const { size } = await handle.stat();
      return new TarIndex(path, source, await readMembers(handle, size, source));
    } finally {
      await handle.close();
    }
  }

  /** The member at a path, following symlinks inside the archive (legacy docker save links shared layers). */
  get(name: string): TarMember | null {
    let current = cleanMemberName(name);
    for (let hops = 0; hops < 16; hops++) {
      const m = this.members.get(current);
      if (!m) return null;
      if (m.type !== 'symlink') return m;
      const base = current.includes('/') ? current.slice(0, current.lastIndexOf('/') + 1) : '';
      const target = resolveRelative(base, m.linkname);
      if (target === null) return null;
      current = target;
    }
    return null;
  }

  has(name: string): boolean {
    return this.get(name) !== null;
  }

  names(): IterableIterator<string> {
    return this.members.keys();
  }

  async read(name: string, maxBytes: number, where: string): Promise<Buffer> {
    const m = this.require(name, where);
    if (m.size > maxBytes)
      throw new ImageInputError(this.source, `${m.size} bytes is more than the limit of ${maxBytes}`, where);
    const handle = await fs.open(this.path, 'r');
    try {
      const buf = Buffer.alloc(m.size);
      const { bytesRead } = await handle.read(buf, 0, m.size, m.offset);
      if (bytesRead !== m.size) throw new ImageInputError(this.source, 'archive is truncated', where);
      return buf;
    } finally {
      await handle.close();
    }
  }

  open(name: string, where: string): Readable {
    const m = this.require(name, where);
    if (m.size === 0) return createReadStream(this.path, { start: 1, end: 0 });
    return createReadStream(this.path, {
      start: m.offset,
      end: m.offset + m.size - 1,
      highWaterMark: READ_CHUNK,
    });
  }

  size(name: string): number | null {
    return this.get(name)?.size ?? null;
  }

  private require(name: string, where: string): TarMember {
    const m = this.get(name);
    if (m === null || m.type !== 'file')
      throw new ImageInputError(this.source, `the archive has no file ${JSON.stringify(name)}`, where);
    return m;
  }
}

/** Joins a relative link target to a folder inside the archive; null when it climbs out of the archive. */
export function resolveRelative(base: string, target: string): string | null {
  const parts = target.startsWith('/') ? [] : base.split('/').filter(Boolean);
  for (const p of target.split('/')) {
    if (p === '' || p === '.') continue;
    if (p === '..') {
      if (parts.length === 0) return null;
      parts.pop();
    } else parts.push(p);
  }
  return parts.join('/');
}

async function readMembers(
  handle: fs.FileHandle,
  fileSize: number,
  source: string,
): Promise<Map<string, TarMember>> {
  const members = new Map<string, TarMember>();
  const header = Buffer.alloc(BLOCK);
  let offset = 0;
  let longName: string | null = null;
  let longLink: string | null = null;
  let pax: Record<string, string> | null = null;
  let first = true;
  while (offset + BLOCK <= fileSize) {
    const { bytesRead } = await handle.read(header, 0, BLOCK, offset);
    if (bytesRead < BLOCK) break;
    if (isZeroBlock(header)) break;
    const where = `tar header at offset ${offset}`;
    if (!checksumOk(header))
      throw new ImageInputError(
        source,
        first ? 'not a tar archive (bad header checksum)' : 'corrupt tar header (bad checksum)',
        first ? undefined : where,
      );
    first = false;
    const typeflag = String.fromCharCode(header[156]!);
    let size = readNumber(header, 124, 12);
    if (!Number.isSafeInteger(size) || size < 0)
      throw new ImageInputError(source, 'invalid entry size', where);
    const dataOffset = offset + BLOCK;
    if (typeflag === 'L' || typeflag === 'K' || typeflag === 'x' || typeflag === 'g') {
      if (size > MAX_LONG_HEADER)
        throw new ImageInputError(source, `extended header of ${size} bytes is too large`, where);
      const data = Buffer.alloc(size);
      await handle.read(data, 0, size, dataOffset);
      if (typeflag === 'L') longName = readString(data, 0, size);
      else if (typeflag === 'K') longLink = readString(data, 0, size);
      else if (typeflag === 'x') pax = parsePax(data);
      offset = dataOffset + Math.ceil(size / BLOCK) * BLOCK;
      continue;
    }
    const magic = header.toString('latin1', 257, 263);
    const prefix = magic.startsWith('ustar') ? readString(header, 345, 155) : '';
    let name = readString(header, 0, 100);
    if (prefix) name = `${prefix}/${name}`;
    let linkname = readString(header, 157, 100);
    if (longName !== null) name = longName;
    if (longLink !== null) linkname = longLink;
    if (pax) {
      if (pax.path !== undefined) name = pax.path;
      if (pax.linkpath !== undefined) linkname = pax.linkpath;
      if (pax.size !== undefined) size = Number(pax.size);
      if (!Number.isSafeInteger(size) || size < 0)
        throw new ImageInputError(source, 'invalid pax size', where);
    }
    longName = longLink = null;
    pax = null;
    const type =
      typeflag === '0' || typeflag === '\0' || typeflag === '7'
        ? 'file'
        : typeflag === '2'
          ? 'symlink'
          : typeflag === '5'
            ? 'dir'
            : 'other';
    const dataSize = type === 'dir' || typeflag === '1' || type === 'symlink' ? 0 : size;
    if (dataOffset + dataSize > fileSize)
      throw new ImageInputError(source, `archive is truncated inside ${JSON.stringify(name)}`, where);
    if (members.size >= MAX_MEMBERS)
      throw new ImageInputError(source, `more than ${MAX_MEMBERS} files in the archive`);
    members.set(cleanMemberName(name), { name, offset: dataOffset, size: dataSize, type, linkname });
    offset = dataOffset + Math.ceil(dataSize / BLOCK) * BLOCK;
  }
  if (first) throw new ImageInputError(source, 'empty archive or not a tar archive');
  return members;
}
