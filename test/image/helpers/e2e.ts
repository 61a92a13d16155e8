/**
 * Access to the real-tool fixtures built by scripts/e2e/build-fixtures.sh. Tests that need them, or a
 * tool, skip with a message when they are missing; with DOCKAUDIT_E2E=1 (.ci/run) they fail instead.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../../../', import.meta.url));
export const FIXTURES = process.env.DOCKAUDIT_FIXTURES ?? join(REPO, '.cache/e2e/fixtures');
export const E2E_REQUIRED = process.env.DOCKAUDIT_E2E === '1';

export function fixture(...parts: string[]): string {
  return join(FIXTURES, ...parts);
}

export function hasTool(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;
}

export function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/** Why the end-to-end tests cannot run here, or null when they can. */
export function missing(tools: string[], needRoot = false): string | null {
  if (!existsSync(join(FIXTURES, 'stamp')))
    return `no fixtures in ${FIXTURES} (run scripts/e2e/setup.sh as root)`;
  const absent = tools.filter((t) => !hasTool(t));
  if (absent.length > 0)
    return `missing tools: ${absent.join(', ')} (run scripts/e2e/install-tools.sh as root)`;
  if (needRoot && !isRoot()) return 'needs root';
  return null;
}

/** Skips (with the reason on stderr) or, under DOCKAUDIT_E2E=1, fails when something is missing. */
export function gate(suite: string, tools: string[], needRoot = false): boolean {
  const why = missing(tools, needRoot);
  if (why === null) return true;
  if (E2E_REQUIRED) throw new Error(`${suite}: DOCKAUDIT_E2E=1 but ${why}`);
  process.stderr.write(`skipping ${suite}: ${why}\n`);
  return false;
}
