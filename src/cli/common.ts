import type { Command } from 'commander';
import { type Finding, type InputError, isSeverity, severityRank, type Threshold } from '../core/finding.js';
import { writeFileAtomic } from '../core/fs.js';
import { isLang, type Lang } from '../i18n/catalog.js';
import { FORMATS, type Format, isFormat, type ReportInput } from '../report/types.js';

/** Options every command that reports findings accepts. */
export interface ReportOptions {
  format?: string;
  output?: string;
  color?: boolean;
  lang?: string;
  failureThreshold?: string;
  /** False with --no-fail. */
  fail?: boolean;
}

export class UsageError extends Error {}

/** Adds --format, --output, --no-color, --lang, --failure-threshold and --no-fail to a command. */
export function addReportOptions(cmd: Command): Command {
  return cmd
    .option('-f, --format <format>', `output format: ${FORMATS.join(', ')}`, 'tty')
    .option('-o, --output <file>', 'write the report to a file (atomically) instead of stdout')
    .option('--no-color', 'never use colors (also when NO_COLOR is set or output is not a terminal)')
    .option('--lang <lang>', 'language of messages: en, zh, ru', 'en')
    .option(
      '-t, --failure-threshold <level>',
      'exit with 1 when a finding is at or above: error, warning, info, style, none',
    )
    .option('--no-fail', 'always exit with 0 unless an input could not be read');
}

export function resolveFormat(value: string | undefined): Format {
  const format = value ?? 'tty';
  if (!isFormat(format))
    throw new UsageError(`unknown format "${format}"; use one of: ${FORMATS.join(', ')}`);
  return format;
}

export function resolveLang(value: string | undefined): Lang {
  const lang = value ?? 'en';
  if (!isLang(lang)) throw new UsageError(`unknown language "${lang}"; use en, zh or ru`);
  return lang;
}

export function resolveThreshold(value: string | undefined, fallback: Threshold): Threshold {
  if (value === undefined) return fallback;
  if (value === 'none' || isSeverity(value)) return value;
  // hadolint's lowest level: any finding fails.
  if (value === 'ignore') return 'style';
  throw new UsageError(`unknown failure threshold "${value}"; use error, warning, info, style or none`);
}

/** Colors only on a terminal, never with NO_COLOR or --no-color or when writing to a file. */
export function useColor(options: ReportOptions): boolean {
  if (options.color === false || options.output) return false;
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return false;
  if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== '0') return true;
  return Boolean(process.stdout.isTTY);
}

/** DESIGN §5: 2 when an input could not be read, 1 when a finding is at or above the threshold, else 0. */
export function exitCode(
  findings: readonly Finding[],
  errors: readonly InputError[],
  threshold: Threshold,
  noFail = false,
): number {
  if (errors.length > 0) return 2;
  if (noFail || threshold === 'none') return 0;
  const limit = severityRank(threshold);
  return findings.some((f) => severityRank(f.severity) >= limit) ? 1 : 0;
}

/** Renders and writes a report to --output (atomically) or stdout. */
export async function emitReport(
  input: ReportInput,
  options: ReportOptions,
  sources?: ReadonlyMap<string, string>,
): Promise<void> {
  const { render } = await import('../report/index.js');
  const text = await render(resolveFormat(options.format), input, { color: useColor(options), sources });
  if (options.output) await writeFileAtomic(options.output, text);
  else await writeStdout(text);
}

export function writeStdout(text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    process.stdout.write(text, (error) => (error ? reject(error) : resolve()));
  });
}

/** Collects a repeatable option's values. */
export function collect(value: string, previous: string[] | undefined): string[] {
  return [
    ...(previous ?? []),
    ...value
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean),
  ];
}
