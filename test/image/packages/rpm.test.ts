import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runOnLayers } from '../../../src/image/packages/drive.js';
import { splitSourceRpm } from '../../../src/image/packages/rpm/header.js';
import { createRpmAnalyzer, parseRpmdbSqlite } from '../../../src/image/packages/rpm/rpmdb.js';
import { SqliteDatabase, SqliteError } from '../../../src/image/packages/rpm/sqlite.js';

const E2E = process.env.DOCKAUDIT_E2E === '1';
const has = (cmd: string) => spawnSync(cmd, ['--version'], { stdio: 'ignore' }).status === 0;
const hasSqlite = has('sqlite3');
const hasRpm = has('rpmbuild') && has('rpm');

describe.skipIf(!hasSqlite && !E2E)('SQLite page reader against databases written by sqlite3', () => {
  it('sqlite3 is present (required with DOCKAUDIT_E2E=1; scripts/e2e/vulns-setup.sh installs it)', () => {
    expect(hasSqlite).toBe(true);
  });

  it('reads every row of a multi-level table with overflow pages, all value types, and the WAL', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sqlite-'));
    const db = join(dir, 'test.sqlite');
    const rows: Array<[number, string, number | null, number]> = [];
    const statements = [
      'PRAGMA page_size=1024;',
      'CREATE TABLE other(x);',
      'CREATE TABLE t(id INTEGER PRIMARY KEY, s TEXT, n INTEGER, f REAL);',
      'BEGIN;',
    ];
    for (let i = 1; i <= 1500; i++) {
      const text = `row${i}-`.repeat((i * 37) % 700);
      const n = i % 7 === 0 ? null : ((i * 2654435761) % 2 ** 40) - 2 ** 39;
      rows.push([i, text, n, i / 8]);
      statements.push(`INSERT INTO t VALUES (${i}, '${text}', ${n === null ? 'NULL' : n}, ${i / 8});`);
    }
    statements.push('COMMIT;');
    execFileSync('sqlite3', [db], { input: statements.join('\n') });
    const database = new SqliteDatabase(readFileSync(db));
    const root = database.tableRoot('t');
    expect(root).not.toBeNull();
    const read = [...database.rows(root!)].map((r) => [
      Number(r.rowid),
      r.values[1],
      r.values[2],
      r.values[3],
    ]);
    expect(read).toEqual(rows);

    // Changes still in the write-ahead log (no checkpoint) are read from it.
    execFileSync('sqlite3', [db], {
      input:
        "PRAGMA journal_mode=WAL; PRAGMA wal_autocheckpoint=0; INSERT INTO t VALUES (9999, 'from-wal', 1, 0.5);\n.shell cp test.sqlite main.copy\n.shell cp test.sqlite-wal wal.copy\n",
      cwd: dir,
    });
    const withWal = new SqliteDatabase(
      readFileSync(join(dir, 'main.copy')),
      readFileSync(join(dir, 'wal.copy')),
    );
    const last = [...withWal.rows(withWal.tableRoot('t')!)].at(-1)!;
    expect([Number(last.rowid), last.values[1]]).toEqual([9999, 'from-wal']);
    const withoutWal = new SqliteDatabase(readFileSync(join(dir, 'main.copy')));
    expect([...withoutWal.rows(withoutWal.tableRoot('t')!)].length).toBe(1500);
  });
});

describe('SQLite page reader on bad input', () => {
  it('rejects what is not a database and pages out of range', () => {
    expect(() => new SqliteDatabase(Buffer.from('not a database at all'.repeat(10)))).toThrow(SqliteError);
    const header = Buffer.alloc(1024);
    Buffer.from('SQLite format 3\0', 'latin1').copy(header);
    header.writeUInt16BE(1024, 16);
    header[100] = 0x0d;
    const db = new SqliteDatabase(header);
    expect(() => [...db.rows(5)]).toThrow(/page 5 is out of range/);
  });
});

describe('RPM headers', () => {
  it('splits source RPM names', () => {
    expect(splitSourceRpm('bash-5.1.8-6.el9.src.rpm')).toEqual({ name: 'bash', version: '5.1.8-6.el9' });
    expect(splitSourceRpm('python3-pip-21.3.1-1.el9.nosrc.rpm')).toEqual({
      name: 'python3-pip',
      version: '21.3.1-1.el9',
    });
    expect(splitSourceRpm('garbage')).toBeNull();
  });
});

function buildRpmdb(): { root: string; db: string; wal: string } {
  const top = mkdtempSync(join(tmpdir(), 'rpmbuild-'));
  mkdirSync(join(top, 'SPECS'));
  const specs = [
    { name: 'dockaudit-a', epoch: 2, version: '1.2.3', release: '4.el9', description: 'short' },
    {
      name: 'dockaudit-b',
      epoch: null,
      version: '0.9~rc1',
      release: '1.el9',
      description: 'long '.repeat(6000),
    },
    { name: 'dockaudit-c', epoch: 0, version: '10', release: '1', description: 'c' },
  ];
  for (const s of specs) {
    const spec = `Name: ${s.name}\nVersion: ${s.version}\nRelease: ${s.release}\n${s.epoch === null ? '' : `Epoch: ${s.epoch}\n`}Summary: test\nLicense: MIT and BSD\nBuildArch: noarch\n%description\n${s.description}\n%files\n`;
    writeFileSync(join(top, 'SPECS', `${s.name}.spec`), spec);
    execFileSync('rpmbuild', ['--define', `_topdir ${top}`, '-bb', join(top, 'SPECS', `${s.name}.spec`)], {
      stdio: 'ignore',
    });
  }
  const root = join(top, 'root');
  mkdirSync(root);
  const rpm = ['--root', root, '--dbpath', '/var/lib/rpm'];
  execFileSync('rpm', [...rpm, '--initdb']);
  for (const s of specs) {
    const file = join(top, 'RPMS', 'noarch', `${s.name}-${s.version}-${s.release}.noarch.rpm`);
    execFileSync('rpm', [...rpm, '-i', '--justdb', '--nodeps', '--noscripts', file], { stdio: 'ignore' });
  }
  return {
    root,
    db: join(root, 'var/lib/rpm/rpmdb.sqlite'),
    wal: join(root, 'var/lib/rpm/rpmdb.sqlite-wal'),
  };
}

describe.skipIf(!hasRpm && !E2E)('rpmdb.sqlite against rpm -qa (a real database made by rpm)', () => {
  it('rpm and rpmbuild are present (required with DOCKAUDIT_E2E=1)', () => {
    expect(hasRpm).toBe(true);
  });

  it('lists exactly the packages rpm lists, with epochs, sources and licenses', async () => {
    const { root, db, wal } = buildRpmdb();
    const format = '%{NAME}\\t%{EPOCHNUM}:%{VERSION}-%{RELEASE}\\t%{ARCH}\\t%{SOURCERPM}\\t%{LICENSE}\\n';
    const expected = execFileSync(
      'rpm',
      ['--root', root, '--dbpath', '/var/lib/rpm', '-qa', '--qf', format],
      { encoding: 'utf8' },
    )
      .split('\n')
      .filter(Boolean)
      .sort();
    const walContent = existsSync(wal) ? readFileSync(wal) : undefined;
    const ours = parseRpmdbSqlite(readFileSync(db), walContent)
      .map(
        (p) =>
          `${p.name}\t${p.epoch ?? 0}:${p.version}-${p.release}\t${p.arch}\t${p.sourceRpm}\t${p.license}`,
      )
      .sort();
    expect(ours).toEqual(expected);
    expect(ours).toHaveLength(3);

    const files = [{ path: 'var/lib/rpm/rpmdb.sqlite', content: readFileSync(db) }];
    if (walContent) files.push({ path: 'var/lib/rpm/rpmdb.sqlite-wal', content: walContent });
    const result = await runOnLayers(createRpmAnalyzer(), [{ files }]);
    expect(result.problems).toEqual([]);
    expect(result.packages.map((p) => [p.name, p.epoch, p.version, p.source?.name])).toEqual(
      expect.arrayContaining([
        ['dockaudit-a', 2, '1.2.3-4.el9', 'dockaudit-a'],
        ['dockaudit-b', undefined, '0.9~rc1-1.el9', 'dockaudit-b'],
        ['dockaudit-c', 0, '10-1', 'dockaudit-c'],
      ]),
    );
  });
});
