import type { Command } from 'commander';
import type { Finding, InputError, Threshold } from '../core/finding.js';
import {
  addReportOptions,
  collect,
  exitCode,
  type ReportOptions,
  resolveLang,
  resolveThreshold,
  UsageError,
} from './common.js';

export interface LintCommandOptions extends ReportOptions {
  ignore?: string[];
  enable?: string[];
  stdinFilename?: string;
  /** Report only findings whose fingerprints are not in this baseline file. */
  baseline?: string;
}

/** Options that choose what is linted and with which rules (shared by `lint` and `baseline`). */
export function addLintInputOptions(cmd: Command): Command {
  return cmd
    .argument('[paths...]', 'Dockerfiles or folders', ['Dockerfile'])
    .option(
      '--ignore <rule>',
      'switch a rule off (id, code or hadolint code; repeatable, comma-separated)',
      collect,
    )
    .option('--enable <rule>', 'switch on a rule that is off by default (repeatable)', collect)
    .option('--stdin-filename <name>', 'name shown for input read from stdin', 'Dockerfile');
}

export function defineLint(program: Command): void {
  const cmd = program
    .command('lint')
    .description('lint Dockerfiles (files, folders searched recursively, or - for stdin)');
  addLintInputOptions(cmd);
  cmd.option(
    '--baseline <file>',
    'report only findings not recorded in this file (see `dockaudit baseline`)',
  );
  addReportOptions(cmd);
  cmd.action(async (paths: string[], options: LintCommandOptions) => {
    process.exitCode = await runLint(paths, options);
  });
}

/** What linting found, before reporting. */
export interface LintRun {
  findings: Finding[];
  errors: InputError[];
  files: string[];
  sources: Map<string, string>;
  /** The configured failure threshold (flags may override it). */
  failureThreshold: Threshold;
}

/** Discovers, reads and lints the given paths (`-` is stdin); findings come sorted. */
export async function collectLint(paths: string[], options: LintCommandOptions): Promise<LintRun> {
  const [{ lintSources, discoverDockerfiles, readSources }, { dockerfileRules }, { defaultConfig }, finding] =
    await Promise.all([
      import('../engine/lint-files.js'),
      import('../rules/dockerfile/index.js'),
      import('../config/settings.js'),
      import('../core/finding.js'),
    ]);
  resolveLang(options.lang);
  const config = defaultConfig();
  config.ignored.push(...(options.ignore ?? []));
  config.enabled.push(...(options.enable ?? []));

  const errors: InputError[] = [];
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
  result.findings.sort(finding.compareFindings);
  return {
    findings: result.findings,
    errors,
    files: result.files,
    sources: result.sources,
    failureThreshold: config.failureThreshold,
  };
}

export async function runLint(paths: string[], options: LintCommandOptions): Promise<number> {
  const [{ dockerfileRules }, { VERSION }, common] = await Promise.all([
    import('../rules/dockerfile/index.js'),
    import('../version.js'),
    import('./common.js'),
  ]);
  const run = await collectLint(paths, options);
  const threshold = resolveThreshold(options.failureThreshold, run.failureThreshold);
  const { findings, fingerprints } = options.baseline
    ? await withoutBaselined(run, options.baseline)
    : { findings: run.findings, fingerprints: undefined };
  await common.emitReport(
    {
      tool: 'dockaudit',
      version: VERSION,
      command: 'lint',
      findings,
      errors: run.errors,
      files: run.files,
      rules: dockerfileRules,
      fingerprints,
    },
    options,
    run.sources,
  );
  return exitCode(findings, run.errors, threshold, options.fail === false);
}

/** Drops findings recorded in a baseline file; fingerprints are computed over all findings first. */
async function withoutBaselined(
  run: LintRun,
  baselineFile: string,
): Promise<{ findings: Finding[]; fingerprints: ReadonlyMap<Finding, string> }> {
  const [{ readFile }, { computeFingerprints }, { parseBaseline, applyBaseline }, { describeIoError }] =
    await Promise.all([
      import('node:fs/promises'),
      import('../report/fingerprint.js'),
      import('../report/baseline.js'),
      import('../engine/lint-files.js'),
    ]);
  let text: string;
  try {
    text = await readFile(baselineFile, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read baseline ${baselineFile}: ${describeIoError(error)}`);
  }
  const parsed = parseBaseline(text);
  if ('error' in parsed) throw new UsageError(`baseline ${baselineFile}: ${parsed.error}`);
  const fingerprints = computeFingerprints(run.findings, run.sources);
  const { findings } = applyBaseline(run.findings, fingerprints, parsed.baseline);
  return { findings, fingerprints };
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
