/**
 * The local vulnerability database: a folder with `meta.json` (when each archive was fetched or
 * imported, and record counts) and one JSON file per OSV ecosystem (`Debian:12`, `PyPI`, …) holding the
 * advisories reduced to what matching and reporting use. Ecosystem files load lazily, once.
 */
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { normalizeName } from '../osv/ecosystems.js';
import type { AffectedPackage } from '../osv/match.js';
import type { OsvRecord, OsvSeverity } from '../osv/model.js';
import { DbInputError } from './records.js';

export const DB_FORMAT = 1;

/** One advisory as stored for one ecosystem. */
export interface StoredAdvisory {
  id: string;
  aliases: string[];
  modified: string;
  published?: string;
  summary: string;
  severity: OsvSeverity[];
  /** The database's own rating (GHSA severity, Debian urgency, …). */
  rating?: string;
  url?: string;
  packages: Array<AffectedPackage & { severity?: OsvSeverity[]; rating?: string }>;
}

export interface SourceInfo {
  /** `import` for local files, else the URL fetched. */
  origin: string;
  /** ISO time of the fetch or import. */
  at: string;
  etag?: string;
  records: number;
}

export interface DbMeta {
  format: number;
  /** ISO time of the last change. */
  updated: string;
  sources: Record<string, SourceInfo>;
  ecosystems: Record<string, { advisories: number; file: string }>;
}

/** `--db DIR`, else $DOCKAUDIT_DB_DIR, else $XDG_CACHE_HOME/dockaudit/db (~/.cache/dockaudit/db). */
export function defaultDbDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.DOCKAUDIT_DB_DIR) return env.DOCKAUDIT_DB_DIR;
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'dockaudit', 'db');
}

function fileNameOf(ecosystem: string): string {
  return `${ecosystem.replace(/[^A-Za-z0-9.-]+/g, '_')}.json`;
}

function ratingOf(specific: Record<string, unknown> | undefined): string | undefined {
  const value = specific?.severity ?? specific?.urgency;
  return typeof value === 'string' ? value : undefined;
}

function advisoryUrl(record: OsvRecord): string | undefined {
  const refs = record.references ?? [];
  return (refs.find((r) => r.type === 'ADVISORY') ?? refs.find((r) => r.type === 'WEB'))?.url;
}

/** Splits a record by ecosystem into stored advisories (withdrawn records yield none). */
export function splitRecord(record: OsvRecord): Map<string, StoredAdvisory> {
  const result = new Map<string, StoredAdvisory>();
  if (record.withdrawn) return result;
  for (const affected of record.affected ?? []) {
    const ecosystem = affected.package?.ecosystem;
    const name = affected.package?.name;
    if (!ecosystem || !name) continue;
    let advisory = result.get(ecosystem);
    if (!advisory) {
      advisory = {
        id: record.id,
        aliases: record.aliases ?? [],
        modified: record.modified,
        published: record.published,
        summary: record.summary ?? (record.details ?? '').split('\n')[0]!.slice(0, 200),
        severity: record.severity ?? [],
        rating: ratingOf(record.database_specific),
        url: advisoryUrl(record),
        packages: [],
      };
      result.set(ecosystem, advisory);
    }
    advisory.packages.push({
      name,
      ranges: affected.ranges ?? [],
      versions: affected.versions ?? [],
      severity: affected.severity,
      rating: ratingOf(affected.ecosystem_specific) ?? ratingOf(affected.database_specific),
    });
  }
  return result;
}

export class VulnDb {
  private readonly loaded = new Map<
    string,
    Map<string, Array<{ advisory: StoredAdvisory; affected: StoredAdvisory['packages'][number] }>>
  >();

  private constructor(
    readonly dir: string,
    readonly meta: DbMeta,
  ) {}

  /** Opens a database folder; a missing folder is an empty database. */
  static async open(dir: string): Promise<VulnDb> {
    let meta: DbMeta = { format: DB_FORMAT, updated: '', sources: {}, ecosystems: {} };
    try {
      const parsed = JSON.parse(await readFile(join(dir, 'meta.json'), 'utf8')) as DbMeta;
      if (parsed.format !== DB_FORMAT)
        throw new Error(
          `${join(dir, 'meta.json')}: database format ${parsed.format}, expected ${DB_FORMAT}; run \`dockaudit db update\` or re-import`,
        );
      meta = parsed;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new VulnDb(dir, meta);
      if (error instanceof DbInputError) throw error;
      throw new DbInputError(`${join(dir, 'meta.json')}: ${(error as Error).message}`);
    }
    return new VulnDb(dir, meta);
  }

  get ecosystems(): string[] {
    return Object.keys(this.meta.ecosystems).sort();
  }

  isEmpty(): boolean {
    return this.ecosystems.length === 0;
  }

  async advisories(ecosystem: string): Promise<StoredAdvisory[]> {
    const info = this.meta.ecosystems[ecosystem];
    if (!info) return [];
    const path = join(this.dir, 'ecosystems', info.file);
    let parsed: { ecosystem: string; advisories: StoredAdvisory[] };
    try {
      parsed = JSON.parse(await readFile(path, 'utf8'));
    } catch (error) {
      throw new DbInputError(`${path}: ${(error as Error).message}`);
    }
    return parsed.advisories;
  }

  /** Advisories of one ecosystem by normalized package name. */
  async byName(ecosystem: string) {
    let index = this.loaded.get(ecosystem);
    if (index) return index;
    index = new Map();
    for (const advisory of await this.advisories(ecosystem)) {
      for (const affected of advisory.packages) {
        const key = normalizeName(ecosystem, affected.name);
        let list = index.get(key);
        if (!list) index.set(key, (list = []));
        list.push({ advisory, affected });
      }
    }
    this.loaded.set(ecosystem, index);
    return index;
  }

  /** Writes ecosystems (replacing or merging by id) and the meta file; each file is replaced atomically. */
  async write(
    changes: Map<string, StoredAdvisory[]>,
    mode: 'merge' | 'replace',
    sources: Record<string, SourceInfo>,
    replaceArchives: string[] = [],
  ): Promise<void> {
    await mkdir(join(this.dir, 'ecosystems'), { recursive: true });
    // An archive fetched again replaces every ecosystem it publishes, including ones now gone from it.
    for (const ecosystem of Object.keys(this.meta.ecosystems)) {
      if (replaceArchives.includes(ecosystem.split(':')[0]!) && !changes.has(ecosystem)) {
        await rm(join(this.dir, 'ecosystems', this.meta.ecosystems[ecosystem]!.file), { force: true });
        delete this.meta.ecosystems[ecosystem];
      }
    }
    for (const [ecosystem, advisories] of changes) {
      const byId = new Map<string, StoredAdvisory>();
      if (mode === 'merge') for (const a of await this.advisories(ecosystem)) byId.set(a.id, a);
      for (const a of advisories) byId.set(a.id, a);
      const sorted = [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      const file = fileNameOf(ecosystem);
      await writeAtomic(
        join(this.dir, 'ecosystems', file),
        JSON.stringify({ ecosystem, advisories: sorted }),
      );
      this.meta.ecosystems[ecosystem] = { advisories: sorted.length, file };
      this.loaded.delete(ecosystem);
    }
    Object.assign(this.meta.sources, sources);
    this.meta.updated = new Date().toISOString();
    await writeAtomic(join(this.dir, 'meta.json'), `${JSON.stringify(this.meta, null, 2)}\n`);
  }
}

async function writeAtomic(path: string, text: string): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, text);
  await rename(temporary, path);
}
