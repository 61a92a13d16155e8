import type { Command } from 'commander';
import { addVulnerabilityOptions } from '../image/vulns/cli-options.js';
import type { VulnerabilityCliOptions } from '../image/vulns/options.js';
import {
  addReportOptions,
  collect,
  exitCode,
  type ReportOptions,
  resolveFormat,
  resolveLang,
  resolveThreshold,
  UsageError,
  useColor,
  writeStdout,
} from './common.js';

export interface ImageCommandOptions extends ReportOptions, VulnerabilityCliOptions {
  platform?: string;
  tag?: string;
  insecure?: boolean;
  dockerfile?: string;
  target?: string;
  baseLayers?: string;
  lowestEfficiency?: string;
  highestWastedBytes?: string;
  highestUserWastedPercent?: string;
  ignore?: string[];
  enable?: string[];
  progress?: boolean;
  verifyDiffIds?: boolean;
}

export function defineImage(program: Command): void {
  const cmd = program
    .command('image')
    .description(
      'audit a built image: docker save archive, OCI layout or oci-archive, - (stdin), name:tag of the Docker Engine, or registry://host/name:tag',
    )
    .argument('<image>', 'the image to read')
    .option('--platform <os/arch>', 'platform to read from a multi-platform image (e.g. linux/arm64)')
    .option('--tag <name>', 'image to read from an archive or layout holding several')
    .option('--insecure', 'allow plain HTTP to a registry on a loopback address')
    .option(
      '--dockerfile <path>',
      'map layers to this Dockerfile’s instructions (findings name the line to change)',
    )
    .option('--target <stage>', 'the Dockerfile stage the image was built from (default: the last)')
    .option('--base-layers <n>', 'how many bottom layers come from the base image (default: detected)')
    .option('--lowest-efficiency <ratio>', "fail when dive's efficiency is below this (0-1)")
    .option(
      '--highest-wasted-bytes <size>',
      "fail when dive's wasted bytes exceed this (bytes, or 20MB, 1.5GiB)",
    )
    .option('--highest-user-wasted-percent <ratio>', "fail when dive's wasted/user bytes exceed this (0-1)")
    .option('--ignore <rule>', 'switch a rule off (id or code; repeatable, comma-separated)', collect)
    .option('--enable <rule>', 'switch on a rule that is off by default (repeatable)', collect)
    .option('--verify-diff-ids', 'also check the uncompressed digests of compressed layers (slower)')
    .option('--no-progress', 'no progress line on the terminal');
  addVulnerabilityOptions(cmd);
  addReportOptions(cmd);
  cmd.action(async (source: string, options: ImageCommandOptions) => {
    process.exitCode = await runImage(source, options);
  });
}

/** Parses a size: plain bytes, or a number with kB/MB/GB (1000s) or KiB/MiB/GiB (1024s). */
export function parseSize(text: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kKmMgGtT]i?[bB]?|[bB])?\s*$/.exec(text);
  if (!m)
    throw new UsageError(`invalid size "${text}"; use bytes or a number with kB, MB, GB, KiB, MiB, GiB`);
  const unit = (m[2] ?? 'b').toLowerCase();
  const power = { b: 0, k: 1, m: 2, g: 3, t: 4 }[unit[0] as 'b' | 'k' | 'm' | 'g' | 't'];
  const base = unit.includes('i') ? 1024 : 1000;
  return Math.round(Number(m[1]) * base ** power);
}

function parseRatio(text: string, flag: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0 || value > 1)
    throw new UsageError(`${flag} must be a number from 0 to 1, not "${text}"`);
  return value;
}

export async function runImage(source: string, options: ImageCommandOptions): Promise<number> {
  const [
    { readImage },
    { lintImage },
    { imageRules },
    { defaultConfig },
    { VERSION },
    { isImageInputError },
    { createInventoryAnalyzer },
    { checkImageVulnerabilities, isVulnerabilityInputError },
    { checkVulnerabilityOptions },
    { VULNERABILITY_RULES },
  ] = await Promise.all([
    import('../image/read.js'),
    import('../image/lint.js'),
    import('../rules/image/index.js'),
    import('../config/settings.js'),
    import('../version.js'),
    import('../image/errors.js'),
    import('../image/packages/inventory.js'),
    import('../image/vulns/check.js'),
    import('../image/vulns/options.js'),
    import('../image/vulns/rules.js'),
  ]);
  resolveLang(options.lang);
  const format = resolveFormat(options.format);
  const config = defaultConfig();
  config.ignored.push(...(options.ignore ?? []));
  config.enabled.push(...(options.enable ?? []));
  const threshold = resolveThreshold(options.failureThreshold, config.failureThreshold);
  const gates: Record<string, number> = {};
  if (options.lowestEfficiency !== undefined)
    gates.lowestEfficiency = parseRatio(options.lowestEfficiency, '--lowest-efficiency');
  if (options.highestWastedBytes !== undefined)
    gates.highestWastedBytes = parseSize(options.highestWastedBytes);
  if (options.highestUserWastedPercent !== undefined)
    gates.highestUserWastedPercent = parseRatio(
      options.highestUserWastedPercent,
      '--highest-user-wasted-percent',
    );
  config.ruleOptions['image-efficiency-gate'] = gates;
  try {
    checkVulnerabilityOptions(options);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  let baseLayers: number | undefined;
  if (options.baseLayers !== undefined) {
    baseLayers = Number(options.baseLayers);
    if (!Number.isInteger(baseLayers) || baseLayers < 0)
      throw new UsageError(`--base-layers must be a whole number, not "${options.baseLayers}"`);
  }

  const errors = [];
  let dockerfile: { path: string; text: string; target?: string } | undefined;
  if (options.dockerfile) {
    try {
      const { readFile } = await import('node:fs/promises');
      dockerfile = {
        path: options.dockerfile,
        text: await readFile(options.dockerfile, 'utf8'),
        ...(options.target ? { target: options.target } : {}),
      };
    } catch (error) {
      errors.push({ file: options.dockerfile, message: `cannot read: ${(error as Error).message}` });
    }
  }
  const showProgress = options.progress !== false && Boolean(process.stderr.isTTY) && !process.env.CI;
  const progress = showProgress
    ? (await import('../image/progress.js')).terminalProgress(process.stderr)
    : null;
  const rules = [...imageRules, ...VULNERABILITY_RULES];
  const inventoryAnalyzer = createInventoryAnalyzer();
  let vulnerabilityExit = 0;
  let findings: import('../core/finding.js').Finding[] = [];
  let extra: Record<string, unknown> | undefined;
  let table = '';
  if (errors.length === 0) {
    try {
      const model = await readImage(source, {
        ...(options.platform ? { platform: options.platform } : {}),
        ...(options.tag ? { tag: options.tag } : {}),
        insecure: options.insecure === true,
        ...(dockerfile ? { dockerfile } : {}),
        ...(baseLayers !== undefined ? { baseLayers } : {}),
        verifyDiffIds: options.verifyDiffIds === true,
        ...(progress ? { onProgress: (p) => progress.update(p) } : {}),
        analyzers: [inventoryAnalyzer as import('../image/analyzer.js').Analyzer<unknown>],
      });
      progress?.done();
      findings = lintImage(model, { config, rules: imageRules });
      const inventory = model.results.get(
        inventoryAnalyzer as never,
      ) as import('../image/packages/model.js').Inventory;
      const vulnerabilities = await checkImageVulnerabilities(inventory, {
        ...options,
        image: source,
        locate: (layer) => model.layers[layer]?.instruction ?? null,
      });
      for (const note of vulnerabilities.notes) process.stderr.write(`dockaudit: ${note}\n`);
      for (const problem of inventory.problems)
        process.stderr.write(
          `dockaudit: ${source}: layer ${problem.layer} ${problem.path}: ${problem.message}\n`,
        );
      const off = new Set(config.ignored);
      findings.push(...vulnerabilities.findings.filter((f) => !off.has(f.rule) && !off.has(f.code)));
      vulnerabilityExit = vulnerabilities.exitCode;
      const { compareFindings } = await import('../core/finding.js');
      findings.sort(compareFindings);
      extra = {
        image: (await import('../image/summary.js')).imageSummary(model),
        vulnerabilities: vulnerabilities.summary,
      };
      if (format === 'tty') {
        const { renderLayerTable } = await import('../image/table.js');
        table = renderLayerTable(model, useColor(options), process.stdout.columns || 120);
      }
    } catch (error) {
      progress?.done();
      if (isImageInputError(error)) errors.push({ file: error.source, message: error.message });
      else if (isVulnerabilityInputError(error))
        errors.push({ file: source, message: (error as Error).message });
      else throw error;
    }
  }
  const input = {
    tool: 'dockaudit' as const,
    version: VERSION,
    command: 'image',
    findings,
    errors,
    files: [source],
    rules,
    ...(extra ? { extra } : {}),
  };
  if (format === 'tty') {
    const { render } = await import('../report/index.js');
    const text = table + (await render('tty', input, { color: useColor(options) }));
    if (options.output) {
      const { writeFileAtomic } = await import('../core/fs.js');
      await writeFileAtomic(options.output, text);
    } else await writeStdout(text);
  } else {
    const { emitReport } = await import('./common.js');
    await emitReport(input, options);
  }
  const code = exitCode(findings, errors, threshold, options.fail === false);
  return code === 2 || options.fail === false ? code : Math.max(code, vulnerabilityExit);
}
