/** What the `db` commands print, as plain functions (testable without a process). */
import { OsvFormatError } from '../osv/model.js';
import { DbInputError } from './records.js';
import { defaultDbDir, VulnDb } from './store.js';

export async function openDb(dir: string | undefined): Promise<VulnDb> {
  return VulnDb.open(dir ?? defaultDbDir());
}

export function isDbInputError(error: unknown): boolean {
  return (
    error instanceof DbInputError ||
    error instanceof OsvFormatError ||
    (error as NodeJS.ErrnoException)?.code === 'EACCES'
  );
}

export interface DbStatus {
  dir: string;
  empty: boolean;
  updated: string | null;
  ageDays: number | null;
  advisories: number;
  ecosystems: Record<string, number>;
  sources: Record<string, { origin: string; at: string; records: number }>;
}

export function describeStatus(db: VulnDb, now = new Date()): DbStatus {
  const ecosystems = Object.fromEntries(db.ecosystems.map((e) => [e, db.meta.ecosystems[e]!.advisories]));
  const updated = db.meta.updated || null;
  return {
    dir: db.dir,
    empty: db.isEmpty(),
    updated,
    ageDays: updated ? Math.floor((now.getTime() - Date.parse(updated)) / 86_400_000) : null,
    advisories: Object.values(ecosystems).reduce((a, b) => a + b, 0),
    ecosystems,
    sources: Object.fromEntries(
      Object.entries(db.meta.sources).map(([k, s]) => [
        k,
        { origin: s.origin, at: s.at, records: s.records },
      ]),
    ),
  };
}

export function renderStatus(status: DbStatus): string {
  if (status.empty)
    return `database: ${status.dir}\nempty: run \`dockaudit db update\` or \`dockaudit db import <osv.zip>\`\n`;
  const width = Math.max(...Object.keys(status.ecosystems).map((e) => e.length));
  const lines = [
    `database: ${status.dir}`,
    `updated:  ${status.updated} (${status.ageDays} days ago)`,
    `advisories: ${status.advisories}`,
    ...Object.entries(status.ecosystems).map(([e, n]) => `  ${e.padEnd(width)}  ${n}`),
  ];
  return `${lines.join('\n')}\n`;
}
