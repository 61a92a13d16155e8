import type { Command } from 'commander';
import type { InputError } from '../core/finding.js';
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
  error?: string[];
  warning?: string[];
  info?: string[];
  style?: string[];
  trustedRegistry?: string[];
  requireLabel?: string[];
  strictLabels?: boolean;
  disableIgnorePragma?: boolean;
  config?: string;
  stdinFilename?: string;
  shellcheck?: boolean;
  /** Environment for hadolint's HADOLINT_* variables and user-level configuration (default: process.env). */
  env?: NodeJS.ProcessEnv;
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
    .option('--error <rule>', 'report a rule as an error (repeatable)', collect)
    .option('--warning <rule>', 'report a rule as a warning (repeatable)', collect)
    .option('--info <rule>', 'report a rule as info (repeatable)', collect)
    .option('--style <rule>', 'report a rule as style (repeatable)', collect)
    .option(
      '--trusted-registry <registry>',
      'allow base images only from these registries (repeatable)',
      collect,
    )
    .option(
      '--require-label <label[:type]>',
      'require a label, optionally of a type (url, rfc3339, spdx, hash, semver, email, text)',
      collect,
    )
    .option('--strict-labels', 'report labels that are not in the label schema')
    .option('--disable-ignore-pragma', 'ignore `# hadolint ignore=` and `# dockaudit ignore=` comments')
    .option(
      '-c, --config <file>',
      'use this configuration file instead of discovering .dockaudit.yaml / .hadolint.yaml',
    )
    .option('--stdin-filename <name>', 'name shown for input read from stdin', 'Dockerfile')
    .option('--shellcheck', 'also run ShellCheck on RUN scripts (needs the shellcheck program)');
  addReportOptions(cmd);
  cmd.action(async (paths: string[], options: LintCommandOptions) => {
    process.exitCode = await runLint(paths, options);
  });
}

export async function runLint(paths: string[], options: LintCommandOptions): Promise<number> {
  const [
    { lintSources, discoverDockerfiles, readSources },
    { dockerfileRules },
    { ConfigResolver, ConfigError },
    { VERSION },
    common,
  ] = await Promise.all([
    import('../engine/lint-files.js'),
    import('../rules/dockerfile/index.js'),
    import('../config/load.js'),
    import('../version.js'),
    import('./common.js'),
  ]);
  resolveLang(options.lang);
  const cliThreshold =
    options.failureThreshold === undefined ? undefined : resolveThreshold(options.failureThreshold, 'info');
  const resolver = new ConfigResolver(
    {
      configFile: options.config,
      ignore: options.ignore,
      enable: options.enable,
      error: options.error,
      warning: options.warning,
      info: options.info,
      style: options.style,
      trustedRegistry: options.trustedRegistry,
      requireLabel: options.requireLabel,
      strictLabels: options.strictLabels,
      disableIgnorePragma: options.disableIgnorePragma,
      failureThreshold: cliThreshold,
      noFail: options.fail === false,
    },
    options.env ?? process.env,
  );

  const errors: InputError[] = [];
  const sources: Array<{ path: string; text: string }> = [];
  const fromStdin = paths.includes('-');
  if (fromStdin) sources.push({ path: options.stdinFilename ?? 'Dockerfile', text: await readStdin() });
  const discovered = await discoverDockerfiles(paths.filter((p) => p !== '-'));
  errors.push(...discovered.errors);
  const read = await readSources(discovered.files);
  errors.push(...read.errors);
  sources.push(...read.sources);

  // The failure threshold and no-fail come from the configuration of the first file (or the command line).
  let threshold = cliThreshold ?? 'info';
  let noFail = options.fail === false;
  try {
    const first = await resolver.forFile(sources[0]?.path ?? paths.find((p) => p !== '-') ?? '.');
    threshold = first.failureThreshold;
    noFail = first.noFail;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
  }
  const result = await lintSources(sources, {
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
  const reported = dedupeErrors(errors);
  errors.length = 0;
  errors.push(...reported);
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
  return exitCode(result.findings, dedupeErrors(errors), threshold, noFail);
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
