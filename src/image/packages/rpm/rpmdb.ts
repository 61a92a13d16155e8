import type { Analyzer, ImageFilesystemView, LayerEntry, LayerInfo } from '../../analyzer.js';
import { FileHistory, introducedIn } from '../history.js';
import type { InventoryProblem, PackageRecord, PackagesResult } from '../model.js';
import { parseRpmHeader, type RpmPackageInfo, rpmPackageInfo, splitSourceRpm } from './header.js';
import { SqliteDatabase } from './sqlite.js';

export const RPMDB_PATHS = ['var/lib/rpm/rpmdb.sqlite', 'usr/lib/sysimage/rpm/rpmdb.sqlite'];

/** Every package of an `rpmdb.sqlite` (table `Packages`, one header blob per row), with its WAL if any. */
export function parseRpmdbSqlite(db: Buffer, wal?: Buffer): RpmPackageInfo[] {
  const database = new SqliteDatabase(db, wal);
  const root = database.tableRoot('Packages');
  if (root === null) throw new Error('no Packages table');
  const packages: RpmPackageInfo[] = [];
  for (const row of database.rows(root)) {
    const blob = row.values.find((v): v is Buffer => Buffer.isBuffer(v));
    if (!blob) continue;
    const info = rpmPackageInfo(parseRpmHeader(blob));
    if (info) packages.push(info);
  }
  return packages;
}

function keyOf(p: RpmPackageInfo): string {
  return `${p.name}.${p.arch}`;
}

function evr(p: RpmPackageInfo): string {
  return `${p.epoch ?? 0}:${p.version}-${p.release}`;
}

/** RPM packages (RHEL 9, Fedora, Rocky, Alma…: the SQLite rpmdb), each attributed to its layer. */
export function createRpmAnalyzer(): Analyzer<PackagesResult> {
  const history = new FileHistory<Map<string, RpmPackageInfo> | null>();
  const problems: InventoryProblem[] = [];
  // The database and its write-ahead log arrive as two entries of the same layer, in either order.
  let pending: { layer: LayerInfo; db: Map<string, Buffer>; wal: Map<string, Buffer> } | null = null;
  const flush = () => {
    if (!pending) return;
    for (const [path, db] of pending.db) {
      try {
        const packages = parseRpmdbSqlite(db, pending.wal.get(path));
        history.add(path, pending.layer, new Map(packages.map((p) => [keyOf(p), p])));
      } catch (error) {
        problems.push({ path, layer: pending.layer.index, message: (error as Error).message });
        history.add(path, pending.layer, null);
      }
    }
    pending = null;
  };
  return {
    name: 'packages:rpm',
    maxBytes: 512 * 1024 * 1024,
    wants(entry: LayerEntry): boolean {
      return entry.path.endsWith('rpmdb.sqlite') || entry.path.endsWith('rpmdb.sqlite-wal')
        ? RPMDB_PATHS.includes(entry.path.replace(/-wal$/, ''))
        : false;
    },
    onEntry(entry: LayerEntry, content: Buffer, layer: LayerInfo): void {
      if (pending && pending.layer.index !== layer.index) flush();
      pending ??= { layer, db: new Map(), wal: new Map() };
      if (entry.path.endsWith('-wal')) pending.wal.set(entry.path.slice(0, -4), content);
      else pending.db.set(entry.path, content);
    },
    finish(fs: ImageFilesystemView): PackagesResult {
      flush();
      const packages: PackageRecord[] = [];
      for (const { path, versions } of history.final(fs)) {
        const final = versions[versions.length - 1]!.value;
        if (!final) continue;
        for (const [key, p] of final) {
          const first = introducedIn(versions, (v) => {
            const earlier = v?.get(key);
            return earlier !== undefined && evr(earlier) === evr(p);
          });
          const source = splitSourceRpm(p.sourceRpm);
          packages.push({
            type: 'rpm',
            name: p.name,
            version: p.release ? `${p.version}-${p.release}` : p.version,
            epoch: p.epoch ?? undefined,
            arch: p.arch || undefined,
            source: source ?? undefined,
            license: p.license || undefined,
            path,
            layer: first.layer,
            layerDigest: first.layerDigest,
          });
        }
      }
      return { packages, problems };
    },
  };
}
