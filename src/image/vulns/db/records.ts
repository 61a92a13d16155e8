/** Reads OSV records from a ZIP archive, a folder of JSON files, or one JSON file. */

import type { Stats } from 'node:fs';
import { closeSync, fstatSync, openSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import {
  bufferSource,
  fileSource,
  readZipEntries,
  readZipEntry,
  type ZipEntry,
  type ZipSource,
} from '../../packages/zip.js';
import { type OsvRecord, validateOsvRecord } from '../osv/model.js';

/** A problem with an input file: names the file (and the archive member) that is wrong. */
export class DbInputError extends Error {}

function parseRecord(text: string, where: string): OsvRecord {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new DbInputError(`${where}: invalid JSON: ${(error as Error).message}`);
  }
  try {
    return validateOsvRecord(json);
  } catch (error) {
    throw new DbInputError(`${where}: ${(error as Error).message}`);
  }
}

/** Every `.json` member of a ZIP archive, validated. */
export function recordsFromZip(source: ZipSource, name: string): OsvRecord[] {
  let entries: ZipEntry[];
  try {
    entries = readZipEntries(source);
  } catch (error) {
    throw new DbInputError(`${name}: ${(error as Error).message}`);
  }
  const records: OsvRecord[] = [];
  for (const entry of entries) {
    if (!entry.name.endsWith('.json')) continue;
    let content: Buffer;
    try {
      content = readZipEntry(source, entry, 64 * 1024 * 1024);
    } catch (error) {
      throw new DbInputError(`${name}: ${(error as Error).message}`);
    }
    records.push(parseRecord(content.toString('utf8'), `${name}!/${entry.name}`));
  }
  return records;
}

export function recordsFromZipBuffer(buffer: Buffer, name: string): OsvRecord[] {
  return recordsFromZip(bufferSource(buffer), name);
}

async function jsonFiles(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await jsonFiles(path)));
    else if (entry.isFile() && entry.name.endsWith('.json')) found.push(path);
  }
  return found.sort();
}

/** Records from a path: a ZIP archive (read in place), a folder searched recursively, or a JSON file. */
export async function recordsFromPath(path: string): Promise<OsvRecord[]> {
  let info: Stats;
  try {
    info = await stat(path);
  } catch (error) {
    throw new DbInputError(
      `${path}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or folder' : (error as Error).message}`,
    );
  }
  if (info.isDirectory()) {
    const records: OsvRecord[] = [];
    for (const file of await jsonFiles(path)) records.push(parseRecord(await readFile(file, 'utf8'), file));
    return records;
  }
  const fd = openSync(path, 'r');
  try {
    const source = fileSource(fd, fstatSync(fd).size);
    const head = source.read(0, 4);
    if (head.length === 4 && head.readUInt32LE(0) === 0x04034b50) return recordsFromZip(source, path);
    if (head.length === 4 && head.readUInt32LE(0) === 0x06054b50) return [];
  } finally {
    closeSync(fd);
  }
  return [parseRecord(await readFile(path, 'utf8'), path)];
}
