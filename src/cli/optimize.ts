import type { Command } from 'commander';
import { resolveLang, UsageError, writeStdout } from './common.js';

export interface OptimizeCommandOptions {
  context?: string;
  write?: boolean;
  lang?: string;
  format?: string;
  output?: string;
  verify?: boolean;
  smoke?: string;
  timeout?: string;
  /** The build engine (library callers and tests); default: chosen by --verify. */
  engine?: import('../optimize/verify/types.js').BuildEngine;
}

const FORMATS = ['tty', 'json', 'markdown'] as const;

export function defineOptimize(program: Command): void {
  program
    .command('optimize')
    .description(
      'rewrite a Dockerfile into an optimized one (multi-stage, caches, non-root, health check) and explain every change',
    )
    .argument('<dockerfile>', 'the Dockerfile to optimize')
    .option('--context <dir>', 'the build context folder (default: the Dockerfile’s folder)')
    .option(
      '--write',
      'write the optimized Dockerfile (the original kept as <file>.bak), the proposed .dockerignore and new files',
    )
    .option('--lang <lang>', 'language of the explanation and of the comments written: en, zh, ru', 'en')
    .option('-f, --format <format>', `output format: ${FORMATS.join(', ')}`, 'tty')
    .option('-o, --output <file>', 'write the explanation to a file (atomically) instead of stdout')
    .option(
      '--verify',
      'build the original and the optimized Dockerfile (Docker Engine API, else buildah) and compare them',
    )
    .option(
      '--smoke <command>',
      'with --verify: the smoke check to run in both images (default: their HEALTHCHECK)',
    )
    .option('--timeout <seconds>', 'with --verify: how long the smoke check may take', '60')
    .action(async (dockerfile: string, options: OptimizeCommandOptions) => {
      process.exitCode = await runOptimize(dockerfile, options);
    });
}

export async function runOptimize(dockerfile: string, options: OptimizeCommandOptions): Promise<number> {
  const format = options.format ?? 'tty';
  if (!(FORMATS as readonly string[]).includes(format))
    throw new UsageError(`unknown format "${format}"; use one of: ${FORMATS.join(', ')}`);
  const lang = resolveLang(options.lang);
  const [
    { readFile },
    { existsSync, statSync },
    { dirname, join, resolve },
    plan,
    explain,
    { writeFileAtomic },
  ] = await Promise.all([
    import('node:fs/promises'),
    import('node:fs'),
    import('node:path'),
    import('../optimize/plan.js'),
    import('../optimize/explain.js'),
    import('../core/fs.js'),
  ]);
  let text: string;
  try {
    text = await readFile(dockerfile, 'utf8');
  } catch (error) {
    process.stderr.write(`dockaudit: ${dockerfile}: cannot read: ${(error as Error).message}\n`);
    return 2;
  }
  const context = options.context ?? dirname(resolve(dockerfile));
  if (!existsSync(context) || !statSync(context).isDirectory()) {
    process.stderr.write(`dockaudit: ${context}: the build context is not a folder\n`);
    return 2;
  }
  let result: ReturnType<typeof plan.optimizeDockerfile>;
  try {
    result = plan.optimizeDockerfile(text, dockerfile, { context, lang });
  } catch (error) {
    if (error instanceof plan.OptimizeInputError) {
      process.stderr.write(`dockaudit: ${error.message}\n`);
      return 2;
    }
    throw error;
  }

  let verify: import('../optimize/verify/types.js').VerifyReport | null = null;
  if (options.verify) {
    const { verifyOptimization } = await import('../optimize/verify/run.js');
    const timeout = Number.parseInt(options.timeout ?? '60', 10);
    if (!(timeout > 0))
      throw new UsageError(`--timeout must be a number of seconds, not "${options.timeout}"`);
    verify = await verifyOptimization({
      result,
      original: text,
      context,
      smoke: options.smoke ?? null,
      timeoutSeconds: timeout,
      engine: options.engine,
    });
  }

  const notes: string[] = [];
  if (options.write) {
    const t = (await import('../optimize/catalog.js')).optimizeCatalog;
    const backup = `${dockerfile}.bak`;
    // The backup first: if writing the new Dockerfile fails, the original is still in place.
    await writeFileAtomic(backup, text);
    await writeFileAtomic(dockerfile, result.dockerfile);
    notes.push(t.t(lang, 'ui.written', { file: dockerfile, backup }));
    const extra = [...result.extraFiles.map((f) => ({ path: join(context, f.path), text: f.text }))];
    if (result.dockerignore && !result.dockerignoreExists)
      extra.push({ path: join(context, '.dockerignore'), text: result.dockerignore });
    for (const f of extra) {
      if (existsSync(f.path)) continue;
      await writeFileAtomic(f.path, f.text);
      notes.push(t.t(lang, 'ui.writtenFile', { file: f.path }));
    }
  }
  const rendered = explain.renderExplanation(format as 'tty' | 'json' | 'markdown', result, verify);
  if (options.output) await writeFileAtomic(options.output, rendered);
  else await writeStdout(rendered);
  for (const n of notes) process.stderr.write(`${n}\n`);
  if (verify?.failure?.which === 'optimized' || (verify && !verify.optimized)) return 2;
  if (verify?.optimized?.smoke === false) return 1;
  return 0;
}
