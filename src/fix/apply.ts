import { promises as fs } from 'node:fs';
import type { Config } from '../config/settings.js';
import type { Finding, InputError } from '../core/finding.js';
import { writeFileAtomic } from '../core/fs.js';
import { describeIoError } from '../engine/lint-files.js';
import { maskDockerfileSecrets } from '../engine/mask-secrets.js';
import type { DockerfileRule } from '../rules/define.js';
import { fixDockerfileText } from './dockerfile.js';

export interface FileFixReport {
  path: string;
  changed: boolean;
  /** Findings fixed, by rule id. */
  fixedByRule: Map<string, number>;
  /** Findings left after fixing. */
  remaining: Finding[];
  /** Fixes that were dropped because the result did not read as a valid Dockerfile. */
  dropped: Finding[];
  /** Unified diff of the change (always computed; printed with --dry-run). */
  diff: string;
  blocked: string | null;
}

export interface FixFilesOptions {
  configFor: (path: string) => Promise<Config>;
  rules: readonly DockerfileRule[];
  unsafe: boolean;
  only?: readonly string[];
  dryRun: boolean;
}

/** Fixes files in place (atomically, mode kept) or only computes the diffs with dryRun. */
export async function fixFiles(
  paths: readonly string[],
  options: FixFilesOptions,
): Promise<{ reports: FileFixReport[]; errors: InputError[] }> {
  const { createTwoFilesPatch } = await import('diff');
  const reports: FileFixReport[] = [];
  const errors: InputError[] = [];
  for (const path of paths) {
    let text: string;
    try {
      text = await fs.readFile(path, 'utf8');
    } catch (error) {
      errors.push({ file: path, message: describeIoError(error) });
      continue;
    }
    const config = await options.configFor(path);
    const result = fixDockerfileText(text, path, {
      config,
      rules: options.rules,
      unsafe: options.unsafe,
      only: options.only,
    });
    if (result.blocked) {
      errors.push({ file: path, message: result.blocked });
    }
    // The diff is printed: secrets in the lines it shows are masked on both sides.
    const diff = result.changed
      ? createTwoFilesPatch(
          `a/${path}`,
          `b/${path}`,
          maskDockerfileSecrets(text, path),
          maskDockerfileSecrets(result.output, path),
          '',
          '',
          { context: 3 },
        )
      : '';
    if (result.changed && !options.dryRun) await writeFileAtomic(path, result.output);
    reports.push({
      path,
      changed: result.changed,
      fixedByRule: result.fixedByRule,
      remaining: result.remaining,
      dropped: result.dropped,
      diff,
      blocked: result.blocked,
    });
  }
  return { reports, errors };
}
