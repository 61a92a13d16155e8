/**
 * The vulnerability options of `dockaudit image`: parsing and validation as a library, so the command
 * only declares them (`cli-options.ts`, kept free of heavy imports). Names follow Trivy's.
 */
import { readFile } from 'node:fs/promises';
import { type IgnoreRule, parseIgnoreFile } from './ignore.js';
import { isLevel, LEVELS, type Level, levelRank } from './osv/severity.js';
import type { ScanOptions, Vulnerability } from './scan.js';

export interface VulnerabilityCliOptions {
  db?: string;
  severity?: string[];
  ignoreUnfixed?: boolean;
  ignorefile?: string[];
  /** Exit with 1 when a vulnerability is at or above this level (`none` never). */
  vulnThreshold?: string;
  vulns?: boolean;
}

export class VulnerabilityOptionError extends Error {}

export function parseLevels(values: readonly string[] | undefined): Level[] {
  const levels: Level[] = [];
  for (const value of values ?? []) {
    const upper = value.toUpperCase();
    if (!isLevel(upper))
      throw new VulnerabilityOptionError(
        `unknown severity "${value}"; use ${[...LEVELS].reverse().join(', ')}`,
      );
    levels.push(upper);
  }
  return levels;
}

export function parseThreshold(value: string | undefined): Level | 'none' {
  if (value === undefined || value.toLowerCase() === 'none') return 'none';
  const upper = value.toUpperCase();
  if (!isLevel(upper))
    throw new VulnerabilityOptionError(
      `unknown vulnerability threshold "${value}"; use ${[...LEVELS].reverse().join(', ')} or none`,
    );
  return upper;
}

/** Checks the level options before any work is done (an image read can take minutes). */
export function checkVulnerabilityOptions(options: VulnerabilityCliOptions): void {
  parseLevels(options.severity);
  parseThreshold(options.vulnThreshold);
}

/** Reads ignore files; the default `.trivyignore` in the working folder is used only when it exists. */
export async function loadIgnoreRules(
  files: readonly string[] | undefined,
  cwd = process.cwd(),
): Promise<IgnoreRule[]> {
  const explicit = files && files.length > 0;
  const paths = explicit ? files : [`${cwd}/.trivyignore`, `${cwd}/.trivyignore.yaml`];
  const rules: IgnoreRule[] = [];
  for (const path of paths) {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if (!explicit && (error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw new VulnerabilityOptionError(`${path}: ${(error as Error).message}`);
    }
    rules.push(...parseIgnoreFile(text, path));
  }
  return rules;
}

export async function resolveScanOptions(
  options: VulnerabilityCliOptions,
  now = new Date(),
): Promise<ScanOptions & { threshold: Level | 'none' }> {
  return {
    severities: parseLevels(options.severity),
    ignoreUnfixed: options.ignoreUnfixed === true,
    ignore: await loadIgnoreRules(options.ignorefile),
    threshold: parseThreshold(options.vulnThreshold),
    now,
  };
}

/** 1 when a reported vulnerability is at or above the threshold, else 0. */
export function vulnerabilityExitCode(
  vulnerabilities: readonly Vulnerability[],
  threshold: Level | 'none',
): number {
  if (threshold === 'none') return 0;
  return vulnerabilities.some((v) => levelRank(v.rating.level) >= levelRank(threshold)) ? 1 : 0;
}
