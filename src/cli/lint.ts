import type { Command } from 'commander';
import type { InputError } from '../core/finding.js';
import { addReportOptions, exitCode, type ReportOptions, resolveLang, resolveThreshold } from './common.js';
import { addConfigOptions, type ConfigOptions, cliConfigOf } from './config-options.js';

export interface LintCommandOptions extends ReportOptions, ConfigOptions {
  stdinFilename?: string;
  fix?: boolean;
  unsafe?: boolean;
}

export function defineLint(program: Command): void {
  const cmd = program
    .command('lint')
    .description('lint Dockerfiles (files, folders searched recursively, or - for stdin)')
    .argument('[paths...]', 'Dockerfiles or folders', ['Dockerfile'])
    .option('--stdin-filename <name>', 'name shown for input read from stdin', 'Dockerfile')
    .option('--fix', 'apply safe fixes first (see `dockaudit fix`), then report what is left')
    .option('--unsafe', 'with --fix, also apply suggested fixes that may change behaviour');
  addConfigOptions(cmd);
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
  const resolver = new ConfigResolver(cliConfigOf(options));

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
  });
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
