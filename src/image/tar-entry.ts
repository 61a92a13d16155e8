import type { Header } from 'tar-stream';
import type { EntryType, LayerEntry } from './analyzer.js';

/** Why an entry of a layer cannot be accepted (the reader turns it into an input error). */
export class EntryError extends Error {}

function typeOf(type: Header['type'] | string | null): EntryType | 'skip' {
  switch (type) {
    case 'file':
    case 'contiguous-file':
      return 'file';
    case 'directory':
      return 'dir';
    case 'symlink':
      return 'symlink';
    case 'link':
      return 'hardlink';
    case 'character-device':
    case 'block-device':
    case 'fifo':
      return 'other';
    default:
      // pax/GNU headers are folded into the next entry by tar-stream; anything else carries no file.
      return 'skip';
  }
}

/**
 * Normalizes a layer path: no leading `./`, no trailing `/`, no empty or `.` segments. Names that are
 * absolute or contain `..` are refused: a layer that names them is malformed or hostile (Docker refuses
 * entries that would land outside the root, too).
 */
export function normalizeLayerPath(name: string, maxBytes: number): string {
  if (Buffer.byteLength(name) > maxBytes) throw new EntryError(`entry name longer than ${maxBytes} bytes`);
  if (name.includes('\0')) throw new EntryError('entry name contains a NUL byte');
  if (name.startsWith('/')) throw new EntryError(`absolute entry name ${JSON.stringify(name.slice(0, 200))}`);
  const parts: string[] = [];
  for (const part of name.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') throw new EntryError(`entry name with ".." ${JSON.stringify(name.slice(0, 200))}`);
    parts.push(part);
  }
  return parts.join('/');
}

/** A link target as stored (hard links are paths in the layer; symlinks are kept as written). */
function linkTarget(header: Header, type: EntryType, maxBytes: number): string | null {
  if (type !== 'symlink' && type !== 'hardlink') return null;
  const target = header.linkname ?? '';
  if (Buffer.byteLength(target) > maxBytes) throw new EntryError(`link target longer than ${maxBytes} bytes`);
  if (type === 'hardlink') {
    if (target === '') throw new EntryError('hard link without a target');
    let t = target;
    while (t.startsWith('/')) t = t.slice(1);
    return normalizeLayerPath(t, maxBytes);
  }
  return target;
}

/** Turns a tar header into a `LayerEntry`, or null for entries that carry no file (the root folder). */
export function toLayerEntry(header: Header, maxPathBytes: number): LayerEntry | null {
  const type = typeOf(header.type);
  if (type === 'skip') return null;
  const path = normalizeLayerPath(header.name, maxPathBytes);
  if (path === '') return null;
  return {
    path,
    type,
    size: type === 'file' ? (header.size ?? 0) : 0,
    mode: (header.mode ?? 0) & 0o7777,
    uid: header.uid ?? 0,
    gid: header.gid ?? 0,
    linkname: linkTarget(header, type, maxPathBytes),
    mtime: header.mtime instanceof Date ? Math.floor(header.mtime.getTime() / 1000) : null,
  };
}
