import type { Command } from 'commander';
import type { Config } from '../config/settings.js';
import type { InputError } from '../core/finding.js';
import {
  addReportOptions,
  collect,
  exitCode,
  type ReportOptions,
  resolveLang,
  resolveThreshold,
  UsageError,
} from './common.js';
import { addConfigOptions, type ConfigOptions, cliConfigOf } from './config-options.js';

export interface ComposeCommandOptions extends ReportOptions, ConfigOptions {
  file?: string[];
  envFile?: string[];
  projectDirectory?: string;
  profile?: string[];
}

/** Repeatable option whose values are kept whole (paths may hold commas). */
function append(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

export function defineCompose(program: Command): void {
  const cmd = program
    .command('compose')
    .description(
      'audit docker compose files: images, users, privileges, mounts, ports, health checks, limits, secrets',
    )
    .argument(
      '[paths...]',
      'compose files, or folders searched for compose.yaml / docker-compose.yml (default: the current folder, then its parents)',
    )
    .option(
      '--file <path>',
      'merge these files into one project, in order, as `docker compose -f` does (repeatable)',
      append,
    )
    .option(
      '--env-file <path>',
      "read variables from this file instead of the project's .env (repeatable)",
      append,
    )
    .option(
      '--project-directory <dir>',
      "folder relative paths and .env are resolved against (default: the first file's)",
    )
    .option(
      '--profile <name>',
      'check only the services these profiles enable, as Compose selects them (default: every service)',
      collect,
    );
  addConfigOptions(cmd);
  addReportOptions(cmd);
  cmd.action(async (paths: string[], options: ComposeCommandOptions) => {
    process.exitCode = await runCompose(paths, options);
  });
}

export async function runCompose(paths: string[], options: ComposeCommandOptions): Promise<number> {
  const [
    { discoverComposeProjects },
    { auditComposeProjects },
    { composeRules },
    { ConfigResolver, ConfigError },
    { VERSION },
    common,
  ] = await Promise.all([
    import('../compose/discover.js'),
    import('../compose/run.js'),
    import('../rules/compose/index.js'),
    import('../config/load.js'),
    import('../version.js'),
    import('./common.js'),
  ]);
  resolveLang(options.lang);
  if (options.file?.length && paths.length > 0)
    throw new UsageError('give compose files either as arguments or with --file, not both');
  const cliThreshold =
    options.failureThreshold === undefined ? undefined : resolveThreshold(options.failureThreshold, 'info');
  const resolver = new ConfigResolver(cliConfigOf(options));
  const errors: InputError[] = [];
  // Configuration is discovered from each project's first file, as lint does per Dockerfile.
  const configFor = async (path: string): Promise<Config | null> => {
    try {
      return await resolver.forFile(path);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      errors.push({ file: error.file, line: error.line, column: error.column, message: error.message });
      return null;
    }
  };

  const discovered = options.file?.length
    ? { projects: [options.file], errors: [] }
    : await discoverComposeProjects(paths);
  errors.push(...discovered.errors);
  const first = await configFor(discovered.projects[0]?.[0] ?? paths[0] ?? '.');
  const threshold = cliThreshold ?? first?.failureThreshold ?? 'info';
  const noFail = options.fail === false || first?.noFail === true;
  const result = await auditComposeProjects(discovered.projects, {
    configFor,
    rules: composeRules,
    envFiles: options.envFile,
    projectDir: options.projectDirectory,
    profiles: options.profile,
  });
  for (const failure of result.failures) {
    const e = failure.error as Error;
    process.stderr.write(
      `dockaudit: rule ${failure.rule} failed on ${failure.file}: ${e?.stack ?? String(e)}\n`,
    );
  }
  errors.push(...result.errors);
  const reported = dedupeErrors(errors);
  const { compareFindings } = await import('../core/finding.js');
  result.findings.sort(compareFindings);
  await common.emitReport(
    {
      tool: 'dockaudit',
      version: VERSION,
      command: 'compose',
      findings: result.findings,
      errors: reported,
      files: result.files,
      rules: composeRules,
      extra: {
        compose: {
          projects: result.projects.map((p) => ({
            files: p.files.filter((f) => f.role !== 'extends').map((f) => f.path),
            services: p.services.map((s) => s.name),
          })),
        },
      },
    },
    options,
    result.sources,
  );
  return exitCode(result.findings, reported, threshold, noFail);
}

function dedupeErrors<T extends { file: string; message: string }>(errors: T[]): T[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const key = `${e.file}\0${e.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
