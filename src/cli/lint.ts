import type { Command } from 'commander';
import type { Gate } from '../config/settings.js';
import { compareFindings, type Finding, type InputError, type Threshold } from '../core/finding.js';
import type { ContextFacts } from '../dockerfile/analysis.js';
import { VERSION } from '../version.js';
import {
  addReportOptions,
  emitReport,
  exitCode,
  type ReportOptions,
  resolveThreshold,
  ruleCatalog,
  UsageError,
} from './common.js';
import { addConfigOptions, type ConfigOptions, cliConfigOf } from './config-options.js';

export interface LintCommandOptions extends ReportOptions, ConfigOptions {
  stdinFilename?: string;
  context?: string;
  fix?: boolean;
  unsafe?: boolean;
  /** Report only findings whose fingerprints are not in this baseline file. */
  baseline?: string;
  shellcheck?: boolean;
  /** Environment for hadolint's HADOLINT_* variables and user-level configuration (default: process.env). */
  env?: NodeJS.ProcessEnv;
}

/** What is linted and with which configuration (shared by `lint` and `baseline`). */
export function addLintInputOptions(cmd: Command): Command {
  cmd
    .argument('[paths...]', 'Dockerfiles or folders', ['Dockerfile'])
    .option('--stdin-filename <name>', 'name shown for input read from stdin', 'Dockerfile')
    .option(
      '--context <dir>',
      'the build context folder: enables rules that need it (.dockerignore, what COPY sends)',
    );
  return addConfigOptions(cmd);
}

export function defineLint(program: Command): void {
  const cmd = program
    .command('lint')
    .description('lint Dockerfiles (files, folders searched recursively, or - for stdin)')
    .option('--fix', 'apply safe fixes first (see `dockaudit fix`), then report what is left')
    .option('--unsafe', 'with --fix, also apply suggested fixes that may change behaviour')
    .option('--baseline <file>', 'report only findings not recorded in this file (see `dockaudit baseline`)')
    .option('--shellcheck', 'also run ShellCheck on RUN scripts (needs the shellcheck program)');
  addLintInputOptions(cmd);
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
  /** From the command line, else the configuration of the first file. */
  threshold: Threshold;
  noFail: boolean;
  gate: Gate;
}

/** Discovers, reads (`-` is stdin), optionally fixes, and lints; findings come sorted. */
export async function collectLint(paths: string[], options: LintCommandOptions): Promise<LintRun> {
  const { lintSources, discoverDockerfiles, readSources, dockerfileRules, ConfigResolver, ConfigError } =
    await import('./lint-runtime.js');
  const catalog = await ruleCatalog(options);
  const cliThreshold =
    options.failureThreshold === undefined ? undefined : resolveThreshold(options.failureThreshold, 'info');
  const resolver = new ConfigResolver(cliConfigOf(options), options.env ?? process.env);

  const errors: InputError[] = [];
  const sources: Array<{ path: string; text: string }> = [];
  const fromStdin = paths.includes('-');
  if (fromStdin) sources.push({ path: options.stdinFilename ?? 'Dockerfile', text: await readStdin() });
  const discovered = await discoverDockerfiles(paths.filter((p) => p !== '-'));
  errors.push(...discovered.errors);
  if (options.fix) {
    const { fixFiles } = await import('../fix/apply.js');
    const fixed = await fixFiles(discovered.files, {
      configFor: (p) => resolver.forFile(p),
      rules: dockerfileRules,
      unsafe: options.unsafe === true,
      dryRun: false,
    });
    for (const r of fixed.reports) {
      const n = [...r.fixedByRule.values()].reduce((a, b) => a + b, 0);
      if (r.changed) process.stderr.write(`fixed ${n} problem${n === 1 ? '' : 's'} in ${r.path}\n`);
    }
  }
  const read = await readSources(discovered.files);
  errors.push(...read.errors);
  sources.push(...read.sources);

  // The failure threshold and no-fail come from the configuration of the first file (or the command line).
  let threshold = cliThreshold ?? 'info';
  let noFail = options.fail === false;
  let gate: Gate = 'all';
  try {
    const first = await resolver.forFile(sources[0]?.path ?? paths.find((p) => p !== '-') ?? '.');
    threshold = first.failureThreshold;
    noFail = first.noFail;
    gate = first.gate;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
  }
  const contextFor = options.context ? await contextLoader(options.context, errors) : undefined;
  const result = await lintSources(sources, {
    contextFor,
    configFor: async (path) => {
      try {
        return await resolver.forFile(path);
      } catch (error) {
        if (error instanceof ConfigError) {
          errors.push({ file: error.file, line: error.line, column: error.column, message: error.message });
          return null;
        }
        throw error;
      }
    },
    rules: dockerfileRules,
    catalog,
    shellcheck: options.shellcheck === true,
  });
  if (result.shellcheck && !result.shellcheck.ran)
    process.stderr.write(
      'dockaudit: --shellcheck: the shellcheck program was not found (Debian: apt-get install shellcheck); linted without it\n',
    );
  for (const failure of result.failures) {
    const e = failure.error as Error;
    process.stderr.write(
      `dockaudit: rule ${failure.rule} failed on ${failure.file}: ${e?.stack ?? String(e)}\n`,
    );
  }
  errors.push(...result.errors);
  result.findings.sort(compareFindings);
  return {
    findings: result.findings,
    errors: dedupeErrors(errors),
    files: result.files,
    sources: result.sources,
    threshold,
    noFail,
    gate,
  };
}

export async function runLint(paths: string[], options: LintCommandOptions): Promise<number> {
  // version.js, common.js and core/finding.js load with the CLI: importing them again lazily would only
  // add a module to every start.
  const { dockerfileRules } = await import('./lint-runtime.js');
  const run = await collectLint(paths, options);
  const { findings, fingerprints } = options.baseline
    ? await withoutBaselined(run, options.baseline)
    : { findings: run.findings, fingerprints: undefined };
  await emitReport(
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
  return exitCode(gatedFindings(findings, run.gate), run.errors, run.threshold, run.noFail);
}

/** With the hadolint gate only findings of rules that have a hadolint or ShellCheck equivalent decide the exit code. */
export function gatedFindings(findings: readonly Finding[], gate: Gate): readonly Finding[] {
  if (gate === 'all') return findings;
  return findings.filter((f) => f.aliases.some((a) => /^(?:DL|SC)\d{4}$/.test(a)));
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

/** Loads the build context once per Dockerfile (the ignore file may be specific to it); errors become input errors. */
async function contextLoader(
  dir: string,
  errors: InputError[],
): Promise<(path: string) => ContextFacts | null> {
  const [{ loadBuildContext, BuildContextError }, { contextFacts }] = await Promise.all([
    import('../context/build-context.js'),
    import('../context/facts.js'),
  ]);
  return (path) => {
    try {
      const ctx = loadBuildContext(dir, { dockerfile: path });
      for (const e of ctx.errors)
        errors.push({ file: e.file, line: e.line, column: e.column, message: e.message });
      return contextFacts(ctx);
    } catch (error) {
      if (error instanceof BuildContextError) {
        errors.push({ file: error.file, message: error.message });
        return null;
      }
      throw error;
    }
  };
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

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
