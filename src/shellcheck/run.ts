import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ShellcheckComment } from './types.js';

/**
 * Codes never reported: SC2187 (ash is checked as dash), SC1090/SC1091 (following a sourced file: the
 * file is in the image being built, not on the machine running the linter).
 */
export const EXCLUDED_CODES = [1090, 1091, 2187];

/** How many scripts one shellcheck process reads (keeps command lines short, spreads work over cores). */
const CHUNK = 400;

export interface ShellcheckRun {
  /** Comments per script, in the order the scripts were given. */
  comments: ShellcheckComment[][];
  ms: number;
}

/** Whether the `shellcheck` program can be run; its version, or null. */
export async function shellcheckVersion(program = 'shellcheck'): Promise<string | null> {
  try {
    const out = await run(program, ['--version']);
    return /version:\s*(\S+)/.exec(out)?.[1] ?? 'unknown';
  } catch {
    return null;
  }
}

/**
 * Runs ShellCheck over scripts: each is written to a temporary folder and several are given to one
 * shellcheck process (`-f json1`), a few processes in parallel. Throws when shellcheck cannot run.
 */
export async function runShellcheck(
  scripts: readonly string[],
  program = 'shellcheck',
): Promise<ShellcheckRun> {
  const t0 = performance.now();
  const comments: ShellcheckComment[][] = scripts.map(() => []);
  if (scripts.length === 0) return { comments, ms: 0 };
  const dir = await fs.mkdtemp(join(tmpdir(), 'dockaudit-shellcheck-'));
  try {
    const names = scripts.map((_, i) => `s${i}.sh`);
    await Promise.all(scripts.map((text, i) => fs.writeFile(join(dir, names[i]!), text)));
    const chunks: number[][] = [];
    for (let i = 0; i < scripts.length; i += CHUNK)
      chunks.push(Array.from({ length: Math.min(CHUNK, scripts.length - i) }, (_, k) => i + k));
    const limit = Math.max(1, Math.min(chunks.length, availableParallelism()));
    let next = 0;
    const worker = async () => {
      while (next < chunks.length) {
        const chunk = chunks[next++]!;
        const args = [
          '-f',
          'json1',
          '-S',
          'style',
          '--norc',
          '-e',
          EXCLUDED_CODES.join(','),
          ...chunk.map((i) => names[i]!),
        ];
        const out = await run(program, args, dir);
        const parsed = JSON.parse(out) as { comments: Array<ShellcheckComment & { file: string }> };
        for (const c of parsed.comments) {
          const index = Number(/^s(\d+)\.sh$/.exec(c.file)?.[1]);
          if (!Number.isInteger(index)) continue;
          comments[index]!.push({
            code: c.code,
            level: c.level,
            message: c.message,
            line: c.line,
            column: c.column,
            endLine: c.endLine,
            endColumn: c.endColumn,
          });
        }
      }
    };
    await Promise.all(Array.from({ length: limit }, worker));
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
  return { comments, ms: performance.now() - t0 };
}

/** Runs a program; shellcheck exits 1 when it has comments, which is not a failure here. */
function run(program: string, args: string[], cwd?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(program, args, { cwd, maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error && (typeof error.code !== 'number' || error.code > 1)) {
        reject(new Error(`${program} failed: ${stderr.trim() || error.message}`));
        return;
      }
      resolve(stdout);
    });
  });
}
