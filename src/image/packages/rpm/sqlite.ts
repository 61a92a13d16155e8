/**
 * A small read-only SQLite reader (file format 3: database header, table b-trees, overflow pages,
 * records, and committed frames of a write-ahead log) for RPM's `rpmdb.sqlite`, so that no native addon
 * is needed. It walks a table's rows in rowid order; it does not use indexes or parse SQL beyond
 * finding a table's root page in `sqlite_schema`.
 */

export type SqlValue = null | number | bigint | string | Buffer;

export interface SqlRow {
  rowid: bigint;
  values: SqlValue[];
}

export class SqliteError extends Error {}

const HEADER = Buffer.from('SQLite format 3\0', 'latin1');
const WAL_MAGIC_LE = 0x377f0682;
const WAL_MAGIC_BE = 0x377f0683;

function readVarint(buf: Buffer, at: number): [bigint, number] {
  let value = 0n;
  for (let i = 0; i < 8; i++) {
    const b = buf[at + i];
    if (b === undefined) throw new SqliteError('truncated varint');
    value = (value << 7n) | BigInt(b & 0x7f);
    if ((b & 0x80) === 0) return [value, at + i + 1];
  }
  const last = buf[at + 8];
  if (last === undefined) throw new SqliteError('truncated varint');
  return [(value << 8n) | BigInt(last), at + 9];
}

function varintNumber(buf: Buffer, at: number): [number, number] {
  const [v, next] = readVarint(buf, at);
  return [Number(v), next];
}

export class SqliteDatabase {
  readonly pageSize: number;
  private readonly usable: number;
  private readonly encoding: BufferEncoding;
  private readonly pageCount: number;
  /** Pages replaced by committed WAL frames. */
  private readonly walPages = new Map<number, Buffer>();

  constructor(
    private readonly data: Buffer,
    wal?: Buffer,
  ) {
    if (data.length < 100 || !data.subarray(0, 16).equals(HEADER))
      throw new SqliteError('not an SQLite 3 database');
    const raw = data.readUInt16BE(16);
    this.pageSize = raw === 1 ? 65536 : raw;
    if (this.pageSize < 512 || (this.pageSize & (this.pageSize - 1)) !== 0)
      throw new SqliteError(`invalid page size ${raw}`);
    this.usable = this.pageSize - data[20]!;
    const encoding = data.readUInt32BE(56);
    this.encoding = encoding === 2 ? 'utf16le' : 'utf8';
    if (encoding === 3) throw new SqliteError('UTF-16BE databases are not supported');
    this.pageCount = Math.floor(data.length / this.pageSize);
    if (wal && wal.length >= 32) this.applyWal(wal);
  }

  /** Applies the frames of the log up to its last commit whose salts match the log header. */
  private applyWal(wal: Buffer): void {
    const magic = wal.readUInt32BE(0);
    if (magic !== WAL_MAGIC_LE && magic !== WAL_MAGIC_BE) return;
    const pageSize = wal.readUInt32BE(8);
    if (pageSize !== this.pageSize) return;
    const salt1 = wal.readUInt32BE(16);
    const salt2 = wal.readUInt32BE(20);
    const pending = new Map<number, Buffer>();
    for (let at = 32; at + 24 + pageSize <= wal.length; at += 24 + pageSize) {
      if (wal.readUInt32BE(at + 8) !== salt1 || wal.readUInt32BE(at + 12) !== salt2) break;
      pending.set(wal.readUInt32BE(at), wal.subarray(at + 24, at + 24 + pageSize));
      // A commit frame records the database size after the commit.
      if (wal.readUInt32BE(at + 4) !== 0) {
        for (const [n, page] of pending) this.walPages.set(n, page);
        pending.clear();
      }
    }
  }

  page(n: number): Buffer {
    const fromWal = this.walPages.get(n);
    if (fromWal) return fromWal;
    if (n < 1 || n > this.pageCount) throw new SqliteError(`page ${n} is out of range`);
    return this.data.subarray((n - 1) * this.pageSize, n * this.pageSize);
  }

  /** Rows of a table b-tree in rowid order. */
  *rows(rootPage: number): Generator<SqlRow> {
    const stack: number[] = [rootPage];
    const visited = new Set<number>();
    // Depth-first, children in order: an explicit stack in reverse keeps rowid order without recursion.
    while (stack.length > 0) {
      const n = stack.pop()!;
      if (visited.has(n)) throw new SqliteError(`b-tree loop at page ${n}`);
      visited.add(n);
      const page = this.page(n);
      const base = n === 1 ? 100 : 0;
      const type = page[base];
      const cells = page.readUInt16BE(base + 3);
      if (type === 0x05) {
        const children: number[] = [];
        for (let i = 0; i < cells; i++)
          children.push(page.readUInt32BE(page.readUInt16BE(base + 12 + 2 * i)));
        children.push(page.readUInt32BE(base + 8));
        for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
      } else if (type === 0x0d) {
        for (let i = 0; i < cells; i++) yield this.leafCell(page, page.readUInt16BE(base + 8 + 2 * i));
      } else throw new SqliteError(`page ${n} is not a table b-tree page (type ${type})`);
    }
  }

  private leafCell(page: Buffer, at: number): SqlRow {
    const [payloadSize, p1] = varintNumber(page, at);
    const [rowid, p2] = readVarint(page, p1);
    const payload = this.payload(page, p2, payloadSize);
    return { rowid, values: this.record(payload) };
  }

  /** A cell's payload: the local part plus the chain of overflow pages. */
  private payload(page: Buffer, at: number, size: number): Buffer {
    const u = this.usable;
    const maxLocal = u - 35;
    if (size <= maxLocal) return page.subarray(at, at + size);
    const minLocal = Math.floor(((u - 12) * 32) / 255) - 23;
    const k = minLocal + ((size - minLocal) % (u - 4));
    const local = k <= maxLocal ? k : minLocal;
    const parts = [page.subarray(at, at + local)];
    let remaining = size - local;
    let next = page.readUInt32BE(at + local);
    let hops = 0;
    while (remaining > 0) {
      if (next === 0 || ++hops > this.pageCount + this.walPages.size)
        throw new SqliteError('overflow chain ends early or loops');
      const overflow = this.page(next);
      const take = Math.min(remaining, u - 4);
      parts.push(overflow.subarray(4, 4 + take));
      remaining -= take;
      next = overflow.readUInt32BE(0);
    }
    return Buffer.concat(parts);
  }

  private record(payload: Buffer): SqlValue[] {
    const [headerSize, start] = varintNumber(payload, 0);
    const types: number[] = [];
    for (let p = start; p < headerSize; ) {
      const [t, next] = varintNumber(payload, p);
      types.push(t);
      p = next;
    }
    const values: SqlValue[] = [];
    let p = headerSize;
    for (const t of types) {
      if (t === 0) values.push(null);
      else if (t >= 1 && t <= 6) {
        const width = [0, 1, 2, 3, 4, 6, 8][t]!;
        if (width === 8) values.push(payload.readBigInt64BE(p));
        else values.push(payload.readIntBE(p, width));
        p += width;
      } else if (t === 7) {
        values.push(payload.readDoubleBE(p));
        p += 8;
      } else if (t === 8 || t === 9) values.push(t - 8);
      else if (t >= 12) {
        const length = (t - (t % 2 === 0 ? 12 : 13)) / 2;
        if (p + length > payload.length) throw new SqliteError('record value runs past its payload');
        const bytes = payload.subarray(p, p + length);
        values.push(t % 2 === 0 ? bytes : bytes.toString(this.encoding));
        p += length;
      } else throw new SqliteError(`reserved serial type ${t}`);
    }
    return values;
  }

  /** The root page of a table, from `sqlite_schema` (page 1). */
  tableRoot(name: string): number | null {
    for (const row of this.rows(1)) {
      const [type, tableName, , rootPage] = row.values;
      if (type === 'table' && typeof tableName === 'string' && tableName.toLowerCase() === name.toLowerCase())
        return Number(rootPage);
    }
    return null;
  }
}
