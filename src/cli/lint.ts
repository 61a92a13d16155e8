import type { Command } from 'commander';
import {
  addReportOptions,
  collect,
  exitCode,
  type ReportOptions,
  resolveLang,
  resolveThreshold,
} from './common.js';

export interface LintCommandOptions extends ReportOptions {
  ignore?: string[];
  enable?: string[];
  stdinFilename?: string;
}

export function defineLint(program: Command): void {
  const cmd = program
    .command('lint')
    .description('lint Dockerfiles (files, folders searched recursively, or - for stdin)')
    .argument('[paths...]', 'Dockerfiles or folders', ['Dockerfile'])
    .option(
      '--ignore <rule>',
      'switch a rule off (id, code or hadolint code; repeatable, comma-separated)',
      collect,
    )
    .option('--enable <rule>', 'switch on a rule that is off by default (repeatable)', collect)
    .option('--stdin-filename <name>', 'name shown for input read from stdin', 'Dockerfile');
  addReportOptions(cmd);
  cmd.action(async (paths: string[], options: LintCommandOptions) => {
    process.exitCode = await runLint(paths, options);
  });
}

export async function runLint(paths: string[], options: LintCommandOptions): Promise<number> {
  const [
    { lintSources, discoverDockerfiles, readSources },
    { dockerfileRules },
    { defaultConfig },
    { VERSION },
    common,
  ] = await Promise.all([
    import('../engine/lint-files.js'),
    import('../rules/dockerfile/index.js'),
    import('../config/settings.js'),
    import('../version.js'),
    import('./common.js'),
  ]);
  resolveLang(options.lang);
  const config = defaultConfig();
  config.ignored.push(...(options.ignore ?? []));
  config.enabled.push(...(options.enable ?? []));
  const threshold = resolveThreshold(options.failureThreshold, config.failureThreshold);

  const errors = [];
  const sources = [];
  const fromStdin = paths.includes('-');
  if (fromStdin) sources.push({ path: options.stdinFilename ?? 'Dockerfile', text: await readStdin() });
  const discovered = await discoverDockerfiles(paths.filter((p) => p !== '-'));
  errors.push(...discovered.errors);
  const read = await readSources(discovered.files);
  errors.push(...read.errors);
  sources.push(...read.sources);

  const result = await lintSources(sources, { configFor: () => config, rules: dockerfileRules });
  for (const failure of result.failures) {
    const e = failure.error as Error;
    process.stderr.write(
      `dockaudit: rule ${failure.rule} failed on ${failure.file}: ${e?.stack ?? String(e)}\n`,
    );
  }
  errors.push(...result.errors);
  const { compareFindings } = await import('../core/finding.js');
  result.findings.sort(compareFindings);
  await common.emitReport(
    {
      tool: 'dockaudit',
      version: VERSION,
      command: 'lint',
      findings: result.findings,
      errors,
      files: result.files,
      rules: dockerfileRules,
    },
    options,
    result.sources,
  );
  return exitCode(result.findings, errors, threshold, options.fail === false);
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
