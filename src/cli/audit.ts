import type { Command } from 'commander';
import { resolveLang, resolveThreshold, UsageError } from './common.js';
import { addConfigOptions, type ConfigOptions, cliConfigOf } from './config-options.js';

export interface AuditCommandOptions extends ConfigOptions {
  format?: string;
  output?: string;
  lang?: string;
  image?: string[];
  platform?: string;
  insecure?: boolean;
  db?: string;
}

/** Repeatable option whose values are kept whole (sources may hold commas). */
function append(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

export function defineAudit(program: Command): void {
  const cmd = program
    .command('audit')
    .description(
      'audit a whole repository (Dockerfiles, build contexts, compose files) and write one report: inventory, issues, optimized versions, .dockerignore, sizes, security, performance, plan, risks',
    )
    .argument('[dir]', 'the repository folder', '.')
    .option('-f, --format <format>', 'report format: markdown, html, json', 'markdown')
    .option(
      '-o, --output <file>',
      'where to write the report (default: dockaudit-report.md/.html/.json; - for stdout)',
    )
    .option('--lang <lang>', 'language of the report: en, zh, ru', 'en')
    .option(
      '-t, --failure-threshold <level>',
      'exit with 1 when a finding is at or above: error, warning, info, style, none (default: none)',
    )
    .option('--no-fail', 'always exit with 0 unless an input could not be read')
    .option(
      '--image <name=source>',
      'include a built image: NAME is its image or compose service name, SOURCE a docker save archive, OCI layout or archive, name:tag of the Docker Engine, or registry://host/name:tag (repeatable)',
      append,
    )
    .option('--platform <os/arch>', 'with --image: platform to read from multi-platform images')
    .option('--insecure', 'with --image: allow plain HTTP to a registry on a loopback address')
    .option(
      '--db <dir>',
      'vulnerability database folder (default: $DOCKAUDIT_DB_DIR or ~/.cache/dockaudit/db)',
    );
  addConfigOptions(cmd);
  cmd.action(async (dir: string, options: AuditCommandOptions) => {
    process.exitCode = await runAuditCommand(dir, options);
  });
}

export async function runAuditCommand(dir: string, options: AuditCommandOptions): Promise<number> {
  const [
    { stat },
    { runAudit },
    { buildAuditReport },
    report,
    { ConfigResolver },
    { writeFileAtomic },
    common,
  ] = await Promise.all([
    import('node:fs/promises'),
    import('../audit/run.js'),
    import('../audit/build.js'),
    import('../report/audit/index.js'),
    import('../config/load.js'),
    import('../core/fs.js'),
    import('./common.js'),
  ]);
  const format = options.format ?? 'markdown';
  if (!report.isAuditFormat(format))
    throw new UsageError(`unknown format "${format}"; use one of: ${report.AUDIT_FORMATS.join(', ')}`);
  const lang = resolveLang(options.lang);
  const threshold = resolveThreshold(options.failureThreshold, 'none');
  const { parseImageSpec, ImageSpecError } = await import('../audit/images.js');
  let images: import('../audit/images.js').ImageSpec[];
  try {
    images = (options.image ?? []).map(parseImageSpec);
  } catch (error) {
    if (error instanceof ImageSpecError) throw new UsageError(error.message);
    throw error;
  }
  try {
    if (!(await stat(dir)).isDirectory()) throw new UsageError(`${dir}: not a folder`);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${dir}: no such folder`);
  }
  const resolver = new ConfigResolver(cliConfigOf({ ...options, failureThreshold: undefined }), process.env);
  const run = await runAudit(dir, {
    lang,
    configFor: (abs) => resolver.forFile(abs),
    images,
    imageOptions: {
      ...(options.platform ? { platform: options.platform } : {}),
      insecure: options.insecure === true,
      vulnerabilities: options.db ? { db: options.db } : {},
    },
  });
  for (const note of new Set(run.images.flatMap((i) => i.notes)))
    process.stderr.write(`dockaudit: ${note}\n`);
  for (const f of run.failures) {
    const e = f.error as Error;
    process.stderr.write(`dockaudit: rule ${f.rule} failed on ${f.file}: ${e?.stack ?? String(e)}\n`);
  }
  const model = buildAuditReport(run);
  const text = report.renderAudit(model, format);
  const output = options.output ?? `dockaudit-report.${report.AUDIT_EXTENSIONS[format]}`;
  if (output === '-') await common.writeStdout(text);
  else await writeFileAtomic(output, text);
  for (const e of run.errors)
    process.stderr.write(
      `${e.file}${e.line ? `:${e.line}${e.column ? `:${e.column}` : ''}` : ''}: ${e.message}\n`,
    );
  if (output !== '-') {
    const s = model.summary;
    const total = s.findings.error + s.findings.warning + s.findings.info + s.findings.style;
    process.stderr.write(
      `dockaudit: wrote ${output}: ${s.images} images (${s.measuredImages} measured), ${s.dockerfiles} Dockerfiles, ${total} findings (${s.findings.error} errors, ${s.findings.warning} warnings)\n`,
    );
  }
  const findings = [
    ...run.targets.flatMap((t) => t.findings),
    ...run.compose.findings,
    ...run.images.flatMap((i) => i.findings),
  ];
  return common.exitCode(findings, run.errors, threshold, options.fail === false);
}
