/**
 * `db update`: downloads OSV's per-ecosystem archives (`<BASE>/<ecosystem>/all.zip`, the layout of
 * OSV's public bucket) and replaces those ecosystems in the database. An archive whose ETag did not
 * change (HTTP 304 to If-None-Match) is skipped.
 */

import { groupByEcosystem } from './import.js';
import { DbInputError, recordsFromZipBuffer } from './records.js';
import type { VulnDb } from './store.js';

export const DEFAULT_OSV_URL = 'https://osv-vulnerabilities.storage.googleapis.com';

/** Archives fetched when neither the command nor the database names any. */
export const DEFAULT_ARCHIVES = [
  'AlmaLinux',
  'Alpine',
  'Debian',
  'Go',
  'Maven',
  'npm',
  'PyPI',
  'Red Hat',
  'Rocky Linux',
  'Ubuntu',
];

const MAX_ARCHIVE_BYTES = 2 * 1024 * 1024 * 1024 - 1;

export interface UpdateOptions {
  baseUrl?: string;
  archives?: readonly string[];
  fetch?: typeof fetch;
  now?: Date;
  /** Called before each download (for progress on a terminal). */
  onArchive?: (archive: string, url: string) => void;
}

export interface ArchiveResult {
  archive: string;
  url: string;
  status: 'updated' | 'unchanged';
  records: number;
}

/** The archives to fetch: those asked for, else those fetched before, else the default set. */
export function archivesToUpdate(db: VulnDb, asked: readonly string[] | undefined): string[] {
  if (asked && asked.length > 0) return [...new Set(asked)];
  const before = Object.keys(db.meta.sources)
    .filter((k) => k.startsWith('archive:'))
    .map((k) => k.slice('archive:'.length));
  return before.length > 0 ? before.sort() : [...DEFAULT_ARCHIVES];
}

async function download(
  url: string,
  etag: string | undefined,
  fetcher: typeof fetch,
): Promise<{ body: Buffer; etag?: string } | 'unchanged'> {
  let response: Response;
  try {
    response = await fetcher(url, { headers: etag ? { 'If-None-Match': etag } : {}, redirect: 'follow' });
  } catch (error) {
    throw new DbInputError(
      `${url}: ${(error as Error).cause ? String((error as Error).cause) : (error as Error).message}`,
    );
  }
  if (response.status === 304) return 'unchanged';
  if (!response.ok) throw new DbInputError(`${url}: HTTP ${response.status} ${response.statusText}`);
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > MAX_ARCHIVE_BYTES)
    throw new DbInputError(`${url}: ${declared} bytes is over the 2 GiB limit`);
  const chunks: Buffer[] = [];
  let total = 0;
  if (response.body) {
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      total += chunk.length;
      if (total > MAX_ARCHIVE_BYTES) throw new DbInputError(`${url}: over the 2 GiB limit`);
      chunks.push(Buffer.from(chunk));
    }
  }
  return { body: Buffer.concat(chunks), etag: response.headers.get('etag') ?? undefined };
}

export async function updateDb(db: VulnDb, options: UpdateOptions = {}): Promise<ArchiveResult[]> {
  const base = (options.baseUrl ?? DEFAULT_OSV_URL).replace(/\/+$/, '');
  const fetcher = options.fetch ?? fetch;
  const now = options.now ?? new Date();
  const results: ArchiveResult[] = [];
  for (const archive of archivesToUpdate(db, options.archives)) {
    const url = `${base}/${encodeURIComponent(archive)}/all.zip`;
    options.onArchive?.(archive, url);
    const key = `archive:${archive}`;
    const previous = db.meta.sources[key];
    const got = await download(url, previous?.origin === url ? previous.etag : undefined, fetcher);
    if (got === 'unchanged') {
      await db.write(new Map(), 'merge', { [key]: { ...previous!, at: now.toISOString() } });
      results.push({ archive, url, status: 'unchanged', records: previous!.records });
      continue;
    }
    const records = recordsFromZipBuffer(got.body, url);
    const groups = groupByEcosystem(records);
    const foreign = [...groups.keys()].filter((e) => e.split(':')[0] !== archive);
    for (const e of foreign) groups.delete(e);
    await db.write(
      groups,
      'replace',
      { [key]: { origin: url, at: now.toISOString(), etag: got.etag, records: records.length } },
      [archive],
    );
    results.push({ archive, url, status: 'updated', records: records.length });
  }
  return results;
}
