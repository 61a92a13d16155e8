/**
 * Real reference orderings for property tests: dpkg's own `dpkg --compare-versions` and RPM's
 * `rpm.labelCompare` (Debian's python3-rpm). Missing tools skip the tests, or fail them with
 * DOCKAUDIT_E2E=1.
 */
import { execFileSync, spawnSync } from 'node:child_process';

export const E2E = process.env.DOCKAUDIT_E2E === '1';

export function hasDpkg(): boolean {
  return spawnSync('dpkg', ['--version'], { stdio: 'ignore' }).status === 0;
}

export function hasPythonRpm(): boolean {
  return spawnSync('/usr/bin/python3', ['-c', 'import rpm'], { stdio: 'ignore' }).status === 0;
}

/**
 * Compares many pairs with one shell process running `dpkg --compare-versions` per pair; a pair dpkg
 * rejects as bad syntax yields 'error'.
 */
export function dpkgCompareMany(pairs: ReadonlyArray<readonly [string, string]>): Array<number | 'error'> {
  const script =
    'while read -r a b; do dpkg --compare-versions "$a" lt "$b" 2>/dev/null; r=$?; ' +
    'if [ $r -eq 0 ]; then echo -1; elif [ $r -ne 1 ]; then echo error; ' +
    'elif dpkg --compare-versions "$a" eq "$b"; then echo 0; else echo 1; fi; done';
  const input = pairs.map(([a, b]) => `${a} ${b}\n`).join('');
  const out = execFileSync('sh', ['-c', script], { input, encoding: 'utf8', maxBuffer: 1 << 24 });
  return out
    .trim()
    .split('\n')
    .map((line) => (line === 'error' ? 'error' : Number(line)));
}

/** Compares many `[epoch, version, release]` pairs with rpm.labelCompare in one Python process. */
export function rpmCompareMany(
  pairs: ReadonlyArray<readonly [readonly [string, string, string], readonly [string, string, string]]>,
): number[] {
  const script =
    'import json,sys,rpm\n' +
    'for line in sys.stdin:\n' +
    '  a,b=json.loads(line)\n' +
    '  print(rpm.labelCompare(tuple(a),tuple(b)))\n';
  const input = pairs.map((p) => `${JSON.stringify(p)}\n`).join('');
  const out = execFileSync('/usr/bin/python3', ['-c', script], { input, encoding: 'utf8' });
  return out.trim().split('\n').map(Number);
}

/** rpm's plain segment comparison (rpm.vercmp is not exported; labelCompare on versions alone). */
export function rpmVercmpMany(pairs: ReadonlyArray<readonly [string, string]>): number[] {
  return rpmCompareMany(
    pairs.map(
      ([a, b]) =>
        [
          ['0', a, '1'],
          ['0', b, '1'],
        ] as const,
    ),
  );
}
