import type { OsvRecord } from '../osv/model.js';
import { recordsFromPath } from './records.js';
import { type SourceInfo, type StoredAdvisory, splitRecord, type VulnDb } from './store.js';

export interface ImportSummary {
  records: number;
  /** Advisories stored, by ecosystem. */
  ecosystems: Record<string, number>;
}

/** Groups records by ecosystem as the store keeps them. */
export function groupByEcosystem(records: readonly OsvRecord[]): Map<string, StoredAdvisory[]> {
  const groups = new Map<string, StoredAdvisory[]>();
  for (const record of records) {
    for (const [ecosystem, advisory] of splitRecord(record)) {
      let list = groups.get(ecosystem);
      if (!list) groups.set(ecosystem, (list = []));
      list.push(advisory);
    }
  }
  return groups;
}

/**
 * `db import`: adds the records of a ZIP archive, folder or JSON file to the database, replacing
 * advisories with the same id. Nothing is written when any record is invalid.
 */
export async function importPath(db: VulnDb, path: string, now = new Date()): Promise<ImportSummary> {
  const records = await recordsFromPath(path);
  const groups = groupByEcosystem(records);
  const source: SourceInfo = { origin: 'import', at: now.toISOString(), records: records.length };
  await db.write(groups, 'merge', { [`import:${path}`]: source });
  return {
    records: records.length,
    ecosystems: Object.fromEntries([...groups].map(([e, a]) => [e, a.length])),
  };
}
