import { createReadStream, promises as fs } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { describeError, ImageInputError } from '../errors.js';
import { TarIndex } from './tar-index.js';

/** Files of a docker save archive or an OCI layout, whether in a tar or in a folder. */
export interface FileStore {
  readonly source: string;
  has(path: string): Promise<boolean>;
  size(path: string): Promise<number | null>;
  read(path: string, maxBytes: number, where: string): Promise<Buffer>;
  open(path: string, where: string): Promise<Readable>;
}

/** Refuses names that could leave the archive or folder (`..`, absolute paths). */
export function checkInnerPath(source: string, path: string): string {
  if (path.startsWith('/') || path.split('/').includes('..') || path.includes('\0'))
    throw new ImageInputError(source, `refusing path ${JSON.stringify(path)} that leaves the image`);
  return path;
}

export class TarStore implements FileStore {
  constructor(private readonly index: TarIndex) {}

  get source(): string {
    return this.index.source;
  }

  static async open(path: string, source: string): Promise<TarStore> {
    return new TarStore(await TarIndex.open(path, source));
  }

  async has(path: string): Promise<boolean> {
    return this.index.has(checkInnerPath(this.source, path));
  }

  async size(path: string): Promise<number | null> {
    return this.index.size(checkInnerPath(this.source, path));
  }

  read(path: string, maxBytes: number, where: string): Promise<Buffer> {
    return this.index.read(checkInnerPath(this.source, path), maxBytes, where);
  }

  async open(path: string, where: string): Promise<Readable> {
    return this.index.open(checkInnerPath(this.source, path), where);
  }
}

export class DirStore implements FileStore {
  constructor(
    private readonly root: string,
    readonly source: string,
  ) {}

  private full(path: string): string {
    return join(this.root, checkInnerPath(this.source, path));
  }

  async has(path: string): Promise<boolean> {
    try {
      return (await fs.stat(this.full(path))).isFile();
    } catch {
      return false;
    }
  }

  async size(path: string): Promise<number | null> {
    try {
      return (await fs.stat(this.full(path))).size;
    } catch {
      return null;
    }
  }

  async read(path: string, maxBytes: number, where: string): Promise<Buffer> {
    const full = this.full(path);
    let size: number;
    try {
      size = (await fs.stat(full)).size;
    } catch (error) {
      throw new ImageInputError(this.source, `cannot read ${path}: ${describeError(error)}`, where);
    }
    if (size > maxBytes)
      throw new ImageInputError(this.source, `${size} bytes is more than the limit of ${maxBytes}`, where);
    return fs.readFile(full);
  }

  async open(path: string, where: string): Promise<Readable> {
    const full = this.full(path);
    try {
      await fs.access(full);
    } catch (error) {
      throw new ImageInputError(this.source, `cannot read ${path}: ${describeError(error)}`, where);
    }
    return createReadStream(full, { highWaterMark: 1024 * 1024 });
  }
}
