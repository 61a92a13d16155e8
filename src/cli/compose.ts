import type { Command } from 'commander';
import {
  addReportOptions,
  collect,
  exitCode,
  type ReportOptions,
  resolveLang,
  resolveThreshold,
  UsageError,
} from './common.js';

export interface ComposeCommandOptions extends ReportOptions {
  file?: string[];
  envFile?: string[];
  projectDirectory?: string;
  profile?: string[];
  ignore?: string[];
  enable?: string[];
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
    )
    .option('--ignore <rule>', 'switch a rule off (id or code; repeatable, comma-separated)', collect)
    .option('--enable <rule>', 'switch on a rule that is off by default (repeatable)', collect);
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
    { defaultConfig },
    { VERSION },
    common,
  ] = await Promise.all([
    import('../compose/discover.js'),
    import('../compose/run.js'),
    import('../rules/compose/index.js'),
    import('../config/settings.js'),
    import('../version.js'),
    import('./common.js'),
  ]);
  resolveLang(options.lang);
  if (options.file?.length && paths.length > 0)
    throw new UsageError('give compose files either as arguments or with --file, not both');
  const config = defaultConfig();
  config.ignored.push(...(options.ignore ?? []));
  config.enabled.push(...(options.enable ?? []));
  const threshold = resolveThreshold(options.failureThreshold, config.failureThreshold);

  const discovered = options.file?.length
    ? { projects: [options.file], errors: [] }
    : await discoverComposeProjects(paths);
  const result = await auditComposeProjects(discovered.projects, {
    configFor: () => config,
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
  const errors = [...discovered.errors, ...result.errors];
  const { compareFindings } = await import('../core/finding.js');
  result.findings.sort(compareFindings);
  await common.emitReport(
    {
      tool: 'dockaudit',
      version: VERSION,
      command: 'compose',
      findings: result.findings,
      errors,
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
  return exitCode(result.findings, errors, threshold, options.fail === false);
}
