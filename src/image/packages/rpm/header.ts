/**
 * RPM header blobs as rpmdb stores them (no lead, no header magic): index count and data length
 * (32-bit big-endian), then 16-byte index entries (tag, type, offset, count) and the data store.
 */

export const TAG_NAME = 1000;
export const TAG_VERSION = 1001;
export const TAG_RELEASE = 1002;
export const TAG_EPOCH = 1003;
export const TAG_LICENSE = 1014;
export const TAG_ARCH = 1022;
export const TAG_SOURCERPM = 1044;

const TYPE_INT32 = 4;
const TYPE_STRING = 6;
const TYPE_I18NSTRING = 9;

export type HeaderValue = string | number;

export class RpmHeaderError extends Error {}

/** Reads the string and int32 tags of a header blob. */
export function parseRpmHeader(blob: Buffer): Map<number, HeaderValue> {
  if (blob.length < 8) throw new RpmHeaderError('header blob too short');
  const count = blob.readUInt32BE(0);
  const dataLength = blob.readUInt32BE(4);
  const dataStart = 8 + count * 16;
  if (count > 0xffff || dataStart + dataLength > blob.length)
    throw new RpmHeaderError(
      `header declares ${count} entries and ${dataLength} data bytes, blob has ${blob.length}`,
    );
  const data = blob.subarray(dataStart, dataStart + dataLength);
  const tags = new Map<number, HeaderValue>();
  for (let i = 0; i < count; i++) {
    const at = 8 + i * 16;
    const tag = blob.readUInt32BE(at);
    const type = blob.readUInt32BE(at + 4);
    const offset = blob.readInt32BE(at + 8);
    if (offset < 0 || offset >= data.length) continue;
    if (type === TYPE_STRING || type === TYPE_I18NSTRING) {
      const end = data.indexOf(0, offset);
      if (end === -1) throw new RpmHeaderError(`unterminated string for tag ${tag}`);
      tags.set(tag, data.toString('utf8', offset, end));
    } else if (type === TYPE_INT32 && offset + 4 <= data.length) {
      tags.set(tag, data.readUInt32BE(offset));
    }
  }
  return tags;
}

export interface RpmPackageInfo {
  name: string;
  epoch: number | null;
  version: string;
  release: string;
  arch: string;
  sourceRpm: string;
  license: string;
}

export function rpmPackageInfo(tags: Map<number, HeaderValue>): RpmPackageInfo | null {
  const name = tags.get(TAG_NAME);
  const version = tags.get(TAG_VERSION);
  if (typeof name !== 'string' || typeof version !== 'string') return null;
  const epoch = tags.get(TAG_EPOCH);
  const str = (tag: number) => {
    const v = tags.get(tag);
    return typeof v === 'string' ? v : '';
  };
  return {
    name,
    epoch: typeof epoch === 'number' ? epoch : null,
    version,
    release: str(TAG_RELEASE),
    arch: str(TAG_ARCH),
    sourceRpm: str(TAG_SOURCERPM),
    license: str(TAG_LICENSE),
  };
}

/** `bash-5.1.8-6.el9.src.rpm` → name `bash`, version `5.1.8-6.el9`. */
export function splitSourceRpm(sourceRpm: string): { name: string; version: string } | null {
  const base = sourceRpm.replace(/\.(?:no)?src\.rpm$/, '');
  const release = base.lastIndexOf('-');
  const version = release > 0 ? base.lastIndexOf('-', release - 1) : -1;
  if (version <= 0) return null;
  return { name: base.slice(0, version), version: base.slice(version + 1) };
}
