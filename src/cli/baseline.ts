import type { Command } from 'commander';
import { addLintInputOptions, collectLint, type LintCommandOptions } from './lint.js';

interface BaselineCommandOptions extends LintCommandOptions {
  output: string;
}

export function defineBaseline(program: Command): void {
  const cmd = program
    .command('baseline')
    .description('record the current findings, so that `lint --baseline FILE` reports only new ones');
  addLintInputOptions(cmd);
  cmd.option('-o, --output <file>', 'baseline file to write (atomically)', '.dockaudit-baseline.json');
  cmd.action(async (paths: string[], options: BaselineCommandOptions) => {
    process.exitCode = await runBaseline(paths, options);
  });
}

/** Lints like `lint` and writes the findings' fingerprints; inputs that cannot be read leave no file (exit 2). */
export async function runBaseline(paths: string[], options: BaselineCommandOptions): Promise<number> {
  const [{ computeFingerprints }, baseline, { writeFileAtomic }] = await Promise.all([
    import('../report/fingerprint.js'),
    import('../report/baseline.js'),
    import('../core/fs.js'),
  ]);
  const run = await collectLint(paths, options);
  if (run.errors.length > 0) {
    for (const e of run.errors) {
      const at = e.line ? `:${e.line}${e.column ? `:${e.column}` : ''}` : '';
      process.stderr.write(`dockaudit: ${e.file}${at}: ${e.message}\n`);
    }
    process.stderr.write(
      `dockaudit: baseline not written: ${run.errors.length} input(s) could not be linted\n`,
    );
    return 2;
  }
  const fingerprints = computeFingerprints(run.findings, run.sources);
  const doc = baseline.createBaseline(run.findings, fingerprints);
  await writeFileAtomic(options.output, baseline.serializeBaseline(doc));
  const n = doc.entries.length;
  process.stderr.write(
    `dockaudit: recorded ${n} finding${n === 1 ? '' : 's'} of ${run.files.length} file${run.files.length === 1 ? '' : 's'} in ${options.output}\n`,
  );
  return 0;
}
