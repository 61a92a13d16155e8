import type { Command } from 'commander';
import { writeStdout } from './common.js';

interface DbOptions {
  db?: string;
}

/** `dockaudit db import|update|status`: the local vulnerability database (OSV records). */
export function defineDb(program: Command): void {
  const db = program.command('db').description('manage the local vulnerability database (OSV advisories)');
  const dbOption = (cmd: Command) =>
    cmd.option('--db <dir>', 'database folder (default: $DOCKAUDIT_DB_DIR or ~/.cache/dockaudit/db)');

  dbOption(
    db
      .command('import')
      .description(
        'add OSV records from a ZIP archive (such as OSV’s all.zip), a folder of JSON files or one JSON file',
      )
      .argument('<path>', 'archive, folder or file'),
  ).action(async (path: string, options: DbOptions) => {
    process.exitCode = await run(async () => {
      const { openDb } = await import('../image/vulns/db/cli-support.js');
      const { importPath } = await import('../image/vulns/db/import.js');
      const summary = await importPath(await openDb(options.db), path);
      const lines = Object.entries(summary.ecosystems).map(([e, n]) => `  ${e}: ${n}`);
      await writeStdout(
        `imported ${summary.records} records from ${path}\n${lines.join('\n')}${lines.length ? '\n' : ''}`,
      );
    });
  });

  dbOption(
    db
      .command('update')
      .description(
        'download OSV ecosystem archives (those fetched before, or a default set) and replace them',
      )
      .option('--url <base>', 'base URL of the OSV archives (<base>/<ecosystem>/all.zip)')
      .option(
        '--ecosystem <name>',
        'archive to fetch: Debian, Ubuntu, Alpine, PyPI, npm, Go, Maven, … (repeatable)',
        (v: string, p: string[] = []) => [...p, v],
      ),
  ).action(async (options: DbOptions & { url?: string; ecosystem?: string[] }) => {
    process.exitCode = await run(async () => {
      const { openDb } = await import('../image/vulns/db/cli-support.js');
      const { updateDb } = await import('../image/vulns/db/update.js');
      const results = await updateDb(await openDb(options.db), {
        baseUrl: options.url,
        archives: options.ecosystem,
        onArchive: (archive, url) => {
          if (process.stderr.isTTY) process.stderr.write(`fetching ${archive} (${url})\n`);
        },
      });
      await writeStdout(results.map((r) => `${r.archive}: ${r.status} (${r.records} records)\n`).join(''));
    });
  });

  dbOption(
    db
      .command('status')
      .description('show where the database is, its age and its advisory counts')
      .option('-f, --format <format>', 'tty or json', 'tty'),
  ).action(async (options: DbOptions & { format?: string }) => {
    process.exitCode = await run(async () => {
      const { openDb, describeStatus, renderStatus } = await import('../image/vulns/db/cli-support.js');
      if (options.format !== 'tty' && options.format !== 'json')
        throw new UsageFailure(`unknown format "${options.format}"; use tty or json`);
      const status = describeStatus(await openDb(options.db));
      await writeStdout(
        options.format === 'json' ? `${JSON.stringify(status, null, 2)}\n` : renderStatus(status),
      );
    });
  });
}

class UsageFailure extends Error {}

/** Runs a database command: input problems (bad archive, unreachable server) exit with 2. */
async function run(work: () => Promise<void>): Promise<number> {
  try {
    await work();
    return 0;
  } catch (error) {
    const { isDbInputError } = await import('../image/vulns/db/cli-support.js');
    if (error instanceof UsageFailure || isDbInputError(error)) {
      process.stderr.write(`dockaudit: ${(error as Error).message}\n`);
      return 2;
    }
    throw error;
  }
}
