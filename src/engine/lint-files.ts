import { promises as fs } from 'node:fs';
import { basename, join, relative } from 'node:path';
import type { Config } from '../config/settings.js';
import type { Finding, InputError } from '../core/finding.js';
import type { Span } from '../core/positions.js';
import type { ContextFacts, ShellcheckResults } from '../dockerfile/analysis.js';
import type { Dockerfile } from '../dockerfile/model.js';
import { parseDockerfile } from '../dockerfile/parse.js';
import type { MessageCatalog } from '../i18n/catalog.js';
import type { DockerfileRule } from '../rules/define.js';
import { GitignoreStack } from './gitignore.js';
import { lintDockerfile } from './lint-dockerfile.js';
import { maskSecrets } from './mask-secrets.js';
import type { RuleFailure } from './run-rules.js';

export interface LintSource {
  /** Path shown in findings. */
  path: string;
  text: string;
}

export interface LintResult {
  findings: Finding[];
  errors: InputError[];
  files: string[];
  sources: Map<string, string>;
  failures: RuleFailure[];
  /** Set when ShellCheck was asked for: whether it ran, over how many scripts, in how long. */
  shellcheck?: { ran: boolean; version: string | null; scripts: number; ms: number };
}

export interface LintOptions {
  /** Configuration for a file (discovered per file in monorepos); null when it cannot be loaded (the file is skipped). */
  configFor: (path: string) => Promise<Config | null> | Config | null;
  rules: readonly DockerfileRule[];
  catalog?: MessageCatalog;
  /** The build context of a file, for rules that need it (`lint --context DIR`); null when unknown. */
  contextFor?: (path: string) => ContextFacts | null;
  /** Run ShellCheck on RUN scripts (when the program is installed; otherwise the result says so). */
  shellcheck?: boolean | { program: string };
}

/** Why a text cannot be linted as a Dockerfile at all, or null when it can. */
export function notADockerfile(file: Dockerfile): InputError | null {
  if (file.text.indexOf('\u0000') !== -1)
    return { file: file.path, line: 1, column: 1, message: 'binary file, not a Dockerfile' };
  if (file.instructions.length === 0)
    return { file: file.path, line: 1, column: 1, message: 'file with no instructions' };
  if (file.instructions.every((i) => i.keyword === 'UNKNOWN')) {
    const first = file.instructions[0]!;
    const at = file.lines.position(first.keywordSpan.start);
    return { file: file.path, ...at, message: `not a Dockerfile: unknown instruction "${first.keywordRaw}"` };
  }
  return null;
}

/** Lints sources already read; unreadable or non-Dockerfile inputs become input errors, the rest is linted. */
export async function lintSources(sources: LintSource[], options: LintOptions): Promise<LintResult> {
  const result: LintResult = { findings: [], errors: [], files: [], sources: new Map(), failures: [] };
  const lintable: Dockerfile[] = [];
  for (const source of sources) {
    result.files.push(source.path);
    result.sources.set(source.path, source.text);
    const file = parseDockerfile(source.text, source.path);
    const bad = notADockerfile(file);
    if (bad) result.errors.push(bad);
    else lintable.push(file);
  }
  const shellcheck = options.shellcheck ? await runShellcheckOn(lintable, options.shellcheck, result) : null;
  for (let i = 0; i < lintable.length; i++) {
    const file = lintable[i]!;
    const config = await options.configFor(file.path);
    if (!config) continue;
    const secrets: Span[] = [];
    const findings = lintDockerfile(file, {
      config,
      rules: options.rules,
      catalog: options.catalog,
      failures: result.failures,
      secrets,
      shellcheck: shellcheck?.[i] ?? null,
      context: options.contextFor?.(file.path) ?? null,
    });
    // Reporters show source lines (code frames, snippets): never with a secret in them.
    if (secrets.length > 0) result.sources.set(file.path, maskSecrets(file.text, secrets));
    for (const f of findings) result.findings.push(f);
  }
  return result;
}

async function runShellcheckOn(
  files: Dockerfile[],
  option: true | { program: string },
  result: LintResult,
): Promise<ShellcheckResults[] | null> {
  const program = option === true ? 'shellcheck' : option.program;
  const { shellcheckDockerfiles, shellcheckVersion } = await import('../shellcheck/index.js');
  const version = await shellcheckVersion(program);
  result.shellcheck = { ran: false, version, scripts: 0, ms: 0 };
  if (!version) return null;
  const run = await shellcheckDockerfiles(files, program);
  result.shellcheck = { ran: true, version, scripts: run.scripts, ms: Math.round(run.ms) };
  return run.results;
}

const DOCKERFILE_NAME = /^(?:dockerfile|containerfile)(?:[._-].+)?$|\.(?:dockerfile|containerfile)$/i;
const NOT_DOCKERFILE_EXT = /\.(?:md|txt|go|py|ps1|sh|json|ya?ml|js|ts|rb|java|toml|lock|orig|rej|bak|swp)$/i;

/** Whether a file name is one of the Dockerfile naming styles (Dockerfile, Dockerfile.*, *.Dockerfile, Containerfile). */
export function isDockerfileName(name: string): boolean {
  return DOCKERFILE_NAME.test(name) && !NOT_DOCKERFILE_EXT.test(name);
}

const SKIP_DIRS = new Set([
  'node_modules',
  '.git',
  '.hg',
  '.svn',
  'vendor',
  '.venv',
  'venv',
  '__pycache__',
  'dist',
  '.tox',
]);

/**
 * Expands files and folders to Dockerfiles. Folders are searched recursively, skipping what `.gitignore`
 * files ignore (see `GitignoreStack`); files named explicitly are always kept.
 */
export async function discoverDockerfiles(
  paths: string[],
  cwd = process.cwd(),
): Promise<{ files: string[]; errors: InputError[] }> {
  const files: string[] = [];
  const errors: InputError[] = [];
  const walk = async (dir: string, gitignore: GitignoreStack): Promise<void> => {
    let entries: import('node:fs').Dirent[];
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch (error) {
      errors.push({ file: dir, message: describeIoError(error) });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const e of entries) {
      const p = join(dir, e.name);
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name) && !gitignore.ignores(p, true)) await walk(p, await gitignore.enter(p));
      } else if (e.isFile() && isDockerfileName(e.name) && !gitignore.ignores(p, false)) files.push(p);
    }
  };
  for (const path of paths) {
    let stat: import('node:fs').Stats;
    try {
      stat = await fs.stat(path);
    } catch (error) {
      errors.push({ file: path, message: describeIoError(error) });
      continue;
    }
    if (stat.isDirectory()) await walk(path, await GitignoreStack.forWalkRoot(path));
    else files.push(path);
  }
  return {
    files: files.map((f) => (f.startsWith('/') && f.startsWith(cwd) ? relative(cwd, f) || basename(f) : f)),
    errors,
  };
}

export function describeIoError(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  switch (e?.code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    default:
      return e?.message ?? String(error);
  }
}

/** Reads files as UTF-8; unreadable ones become input errors. */
export async function readSources(paths: string[]): Promise<{ sources: LintSource[]; errors: InputError[] }> {
  const sources: LintSource[] = [];
  const errors: InputError[] = [];
  for (const path of paths) {
    try {
      sources.push({ path, text: await fs.readFile(path, 'utf8') });
    } catch (error) {
      errors.push({ file: path, message: describeIoError(error) });
    }
  }
  return { sources, errors };
}
