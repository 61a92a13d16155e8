import type { Command } from 'commander';
import {
  addReportOptions,
  collect,
  exitCode,
  type ReportOptions,
  resolveFormat,
  resolveLang,
  resolveThreshold,
  useColor,
} from './common.js';

export interface ContextCommandOptions extends ReportOptions {
  dockerfile?: string;
  write?: boolean;
  force?: boolean;
  showProposal?: boolean;
  entropy?: boolean;
  allow?: string[];
  measureExcluded?: boolean;
  ignore?: string[];
}

export function defineContext(program: Command): void {
  const cmd = program
    .command('context')
    .description(
      'audit a build context: what .dockerignore lets through, what each COPY/ADD takes, secrets; propose a .dockerignore',
    )
    .argument('[dir]', 'the build context folder', '.')
    .option(
      '--dockerfile <path>',
      'the Dockerfile (default: <dir>/Dockerfile); <path>.dockerignore takes precedence',
    )
    .option('--write', 'write the proposed .dockerignore files that do not exist yet (atomically)')
    .option('--force', 'with --write, also replace existing .dockerignore files')
    .option('--show-proposal', 'print the proposed .dockerignore files')
    .option('--entropy', 'also report random-looking values of neutral names (low confidence)')
    .option('--allow <value>', 'a secret value (or /regexp/) never to report (repeatable)', collect)
    .option('--measure-excluded', 'also walk ignored folders to tell how much they weigh')
    .option('--ignore <rule>', 'switch a rule off (id or code; repeatable, comma-separated)', collect);
  addReportOptions(cmd);
  cmd.action(async (dir: string, options: ContextCommandOptions) => {
    process.exitCode = await runContext(dir, options);
  });
}

function allowList(values: string[] | undefined): (string | RegExp)[] {
  return (values ?? []).map((v) => {
    const m = /^\/(.+)\/([a-z]*)$/.exec(v);
    return m ? new RegExp(m[1]!, m[2]) : v;
  });
}

export async function runContext(dir: string, options: ContextCommandOptions): Promise<number> {
  const [
    { analyzeContext },
    { BuildContextError },
    { summarizeContext },
    { contextRules },
    { runRules },
    { defaultConfig },
    { LineIndex },
    { VERSION },
    { writeFileAtomic },
    { compareFindings },
  ] = await Promise.all([
    import('../context/analyze.js'),
    import('../context/build-context.js'),
    import('../context/summary.js'),
    import('../rules/context/index.js'),
    import('../engine/run-rules.js'),
    import('../config/settings.js'),
    import('../core/positions.js'),
    import('../version.js'),
    import('../core/fs.js'),
    import('../core/finding.js'),
  ]);
  const format = resolveFormat(options.format);
  resolveLang(options.lang);
  const config = defaultConfig();
  config.ignored.push(...(options.ignore ?? []));
  const threshold = resolveThreshold(options.failureThreshold, config.failureThreshold);
  const base = { tool: 'dockaudit' as const, version: VERSION, command: 'context', rules: contextRules };

  let model: ReturnType<typeof analyzeContext>;
  try {
    model = analyzeContext(dir, {
      dockerfile: options.dockerfile,
      allow: allowList(options.allow),
      entropy: options.entropy,
      measureExcluded: options.measureExcluded,
    });
  } catch (error) {
    if (!(error instanceof BuildContextError)) throw error;
    const errors = [{ file: error.file, message: error.message }];
    await output({ ...base, findings: [], errors, files: [] }, null);
    return 2;
  }

  const errors = model.context.errors.map((e) => ({
    file: e.file,
    line: e.line,
    column: e.column,
    message: e.message,
  }));
  const failures: { rule: string; file: string; error: unknown }[] = [];
  const anchor = model.dockerfile?.file ?? model.display('.');
  const findings = runRules({
    file: anchor,
    model,
    lines: model.dockerfile?.analysis.file.lines ?? new LineIndex(''),
    rules: contextRules,
    config,
    failures,
  }).sort(compareFindings);
  for (const f of failures)
    process.stderr.write(
      `dockaudit: rule ${f.rule} failed on ${f.file}: ${(f.error as Error)?.stack ?? String(f.error)}\n`,
    );

  const written = new Set<string>();
  if (options.write) {
    for (const p of model.proposals) {
      if (p.exists && !options.force) continue;
      await writeFileAtomic(p.absolute, p.text);
      written.add(p.absolute);
    }
  }
  const summary = summarizeContext(model, written);
  const files = [model.display('.'), ...(model.dockerfile ? [model.dockerfile.file] : [])];
  await output({ ...base, findings, errors, files, extra: { context: summary } }, summary);
  return exitCode(findings, errors, threshold, options.fail === false);

  async function output(
    input: import('../report/types.js').ReportInput,
    data: typeof summary | null,
  ): Promise<void> {
    const common = await import('./common.js');
    if (format !== 'tty' || data === null) return common.emitReport(input, options);
    const [{ render }, { renderContextSummary }] = await Promise.all([
      import('../report/index.js'),
      import('../report/context-summary.js'),
    ]);
    const color = useColor(options);
    const text =
      renderContextSummary(data, { color, showProposals: Boolean(options.showProposal) }) +
      (await render('tty', input, { color }));
    if (options.output) await writeFileAtomic(options.output, text);
    else await common.writeStdout(text);
  }
}
