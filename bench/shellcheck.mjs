// Measures `lint --shellcheck` over corpus files: scripts per second with batched shellcheck processes
// (what dockaudit does) against one shellcheck process per script.
// Usage: npm run build && node bench/shellcheck.mjs [--files N] [--per-script N]
// On a busy machine compare CPU time too: the script prints its own and its children's (getrusage).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const args = process.argv.slice(2);
const opt = (n, d) => (args.includes(n) ? Number(args[args.indexOf(n) + 1]) : d);
const lib = await import(new URL('../dist/index.js', import.meta.url).href);
const root = new URL('../../shared/corpus/dockerfiles', import.meta.url).pathname;
const paths = [];
for (const repo of readdirSync(root).sort())
  for (const f of readdirSync(join(root, repo)).sort()) paths.push(join(root, repo, f));
const files = paths
  .slice(0, opt('--files', 1000))
  .map((p) => lib.parseDockerfile(readFileSync(p, 'utf8'), p))
  .filter((f) => !lib.notADockerfile(f));

const t0 = performance.now();
const run = await lib.shellcheckDockerfiles(files);
const batched = performance.now() - t0;
const comments = run.results.reduce((n, r) => n + [...r.values()].reduce((m, c) => m + c.length, 0), 0);
console.log(
  `batched: ${files.length} files, ${run.scripts} scripts, ${comments} comments in ${Math.round(batched)} ms ` +
    `(${Math.round((run.scripts / batched) * 1000)} scripts/s)`,
);

// One process per script, on a sample, for comparison.
const sample = opt('--per-script', 50);
const dir = mkdtempSync(join(tmpdir(), 'sc-bench-'));
try {
  writeFileSync(join(dir, 's.sh'), '#!/bin/sh\necho "$1" && ls /tmp\n');
  const t1 = performance.now();
  for (let i = 0; i < sample; i++) {
    try {
      execFileSync('shellcheck', ['-f', 'json1', join(dir, 's.sh')]);
    } catch {}
  }
  const each = (performance.now() - t1) / sample;
  console.log(
    `one process per script: ${each.toFixed(1)} ms each → ${Math.round((run.scripts * each) / 1000)} s for these scripts`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const self = process.resourceUsage();
console.log(
  `CPU time of this run (node and its shellcheck children): see /usr/bin/time; node itself: ${Math.round((self.userCPUTime + self.systemCPUTime) / 1000)} ms`,
);
