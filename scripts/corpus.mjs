// Lints every Dockerfile of ../shared/corpus/dockerfiles in one process with the built library and prints
// files, findings per rule, parse errors, crashes and total time. Exits 1 on any crash.
// Usage: node scripts/corpus.mjs [--corpus DIR] [--json]
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const args = process.argv.slice(2);
const root = resolve(
  args.includes('--corpus')
    ? args[args.indexOf('--corpus') + 1]
    : new URL('../../shared/corpus/dockerfiles', import.meta.url).pathname,
);
const lib = await import(new URL('../dist/index.js', import.meta.url).href);

const paths = [];
for (const repo of readdirSync(root).sort())
  for (const f of readdirSync(join(root, repo)).sort()) paths.push(join(repo, f));
const texts = paths.map((p) => readFileSync(join(root, p), 'utf8'));

const config = lib.defaultConfig();
const rules = lib.dockerfileRules;
const perRule = new Map();
let findings = 0;
let inputErrors = 0;
const crashes = [];
const t0 = performance.now();
for (let i = 0; i < paths.length; i++) {
  try {
    const file = lib.parseDockerfile(texts[i], paths[i]);
    if (lib.notADockerfile(file)) {
      inputErrors++;
      continue;
    }
    const failures = [];
    const out = lib.lintDockerfile(file, { config, rules, failures });
    for (const f of failures) crashes.push(`${paths[i]}: rule ${f.rule}: ${f.error?.stack ?? f.error}`);
    findings += out.length;
    for (const f of out) perRule.set(f.rule, (perRule.get(f.rule) ?? 0) + 1);
  } catch (error) {
    crashes.push(`${paths[i]}: ${error?.stack ?? error}`);
  }
}
const ms = performance.now() - t0;
const summary = {
  files: paths.length,
  rules: rules.length,
  findings,
  notDockerfiles: inputErrors,
  crashes: crashes.length,
  ms: Math.round(ms),
  filesPerSecond: Math.round((paths.length / ms) * 1000),
};
if (args.includes('--json'))
  console.log(JSON.stringify({ ...summary, perRule: Object.fromEntries(perRule) }, null, 2));
else {
  console.log(
    `files: ${summary.files}  rules: ${summary.rules}  findings: ${findings}  not Dockerfiles: ${inputErrors}  crashes: ${crashes.length}`,
  );
  console.log(`time: ${summary.ms} ms  (${summary.filesPerSecond} files/s, one process, parse + all rules)`);
  for (const [rule, n] of [...perRule.entries()].sort((a, b) => b[1] - a[1]))
    console.log(`  ${String(n).padStart(7)}  ${rule}`);
}
for (const c of crashes.slice(0, 20)) console.error(`CRASH ${c}`);
process.exit(crashes.length > 0 ? 1 : 0);
