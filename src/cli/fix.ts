import type { Command } from 'commander';
import { collect, writeStdout } from './common.js';
import { addConfigOptions, type ConfigOptions, cliConfigOf } from './config-options.js';

export interface FixCommandOptions extends ConfigOptions {
  unsafe?: boolean;
  dryRun?: boolean;
  rule?: string[];
  color?: boolean;
}

export function defineFix(program: Command): void {
  const cmd = program
    .command('fix')
    .description('apply safe automatic fixes to Dockerfiles in place (atomically), or show them as a diff')
    .argument('[paths...]', 'Dockerfiles or folders', ['Dockerfile'])
    .option('--unsafe', 'also apply suggested fixes (they may change what the image does)')
    .option('--dry-run', 'print a unified diff and change nothing')
    .option('--rule <rule>', 'only fix findings of these rules (id, code or alias; repeatable)', collect)
    .option('--no-color', 'never use colors');
  addConfigOptions(cmd);
  cmd.action(async (paths: string[], options: FixCommandOptions) => {
    process.exitCode = await runFix(paths, options);
  });
}

export async function runFix(paths: string[], options: FixCommandOptions): Promise<number> {
  const [{ discoverDockerfiles }, { dockerfileRules }, { ConfigResolver }, { fixFiles }, pc] =
    await Promise.all([
      import('../engine/lint-files.js'),
      import('../rules/dockerfile/index.js'),
      import('../config/load.js'),
      import('../fix/apply.js'),
      import('picocolors'),
    ]);
  const color = pc.default.createColors(
    options.color !== false && Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
  );
  const resolver = new ConfigResolver(cliConfigOf(options), process.env);
  const discovered = await discoverDockerfiles(paths);
  const { reports, errors } = await fixFiles(discovered.files, {
    configFor: (p) => resolver.forFile(p),
    rules: dockerfileRules,
    unsafe: options.unsafe === true,
    only: options.rule,
    dryRun: options.dryRun === true,
  });
  errors.unshift(...discovered.errors);
  const out: string[] = [];
  let fixedTotal = 0;
  let leftTotal = 0;
  for (const r of reports) {
    const fixed = [...r.fixedByRule.entries()];
    const n = fixed.reduce((a, [, k]) => a + k, 0);
    fixedTotal += n;
    leftTotal += r.remaining.length;
    if (options.dryRun && r.diff) out.push(colorDiff(r.diff, color));
    if (r.changed) {
      const verb = options.dryRun ? 'would fix' : 'fixed';
      out.push(
        `${color.bold(r.path)}: ${verb} ${n} problem${n === 1 ? '' : 's'} (${fixed.map(([rule, k]) => `${rule} ×${k}`).join(', ')})`,
      );
    }
    const fixableLeft = r.remaining.filter((f) => f.fixable === 'suggested' && !options.unsafe).length;
    if (r.remaining.length > 0) {
      out.push(
        `${color.bold(r.path)}: ${r.remaining.length} left${fixableLeft ? ` (${fixableLeft} more with --unsafe)` : ''}: ` +
          summarizeRules(r.remaining),
      );
    }
    for (const d of r.dropped)
      out.push(
        color.yellow(
          `${r.path}:${d.line}:${d.column}: fix of ${d.rule} dropped: the result did not read as a valid Dockerfile`,
        ),
      );
  }
  for (const e of errors) out.push(color.red(`${e.file}: ${e.message}`));
  out.push(
    `${options.dryRun ? 'would fix' : 'fixed'} ${fixedTotal} problem${fixedTotal === 1 ? '' : 's'} in ${reports.filter((r) => r.changed).length} of ${reports.length} file${reports.length === 1 ? '' : 's'}; ${leftTotal} left`,
  );
  await writeStdout(`${out.join('\n')}\n`);
  return errors.length > 0 ? 2 : 0;
}

function summarizeRules(findings: readonly { rule: string }[]): string {
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(f.rule, (counts.get(f.rule) ?? 0) + 1);
  return [...counts.entries()].map(([rule, n]) => (n > 1 ? `${rule} ×${n}` : rule)).join(', ');
}

function colorDiff(
  diff: string,
  c: { red: (s: string) => string; green: (s: string) => string; cyan: (s: string) => string },
): string {
  return diff
    .split('\n')
    .map((l) =>
      l.startsWith('+') && !l.startsWith('+++')
        ? c.green(l)
        : l.startsWith('-') && !l.startsWith('---')
          ? c.red(l)
          : l.startsWith('@@')
            ? c.cyan(l)
            : l,
    )
    .join('\n');
}
