// Lints every Dockerfile of ../shared/corpus/dockerfiles in one process with the built library and prints
// files, findings per rule, parse errors, crashes and total time. Exits 1 on any crash.
// Usage: node scripts/corpus.mjs [--corpus DIR] [--json] [--fix [--unsafe]]
//   --fix: copies every file to a temporary folder, runs `dockaudit fix` on the copies and reports files
//          changed, findings fixed per rule, findings left, fixed files that no longer parse, and files a
//          second run still changes (both must be 0).
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
if (args.includes('--fix')) {
  await fixRun();
  process.exit(process.exitCode ?? 0);
}

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

async function fixRun() {
  const { mkdtempSync, mkdirSync, writeFileSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const unsafe = args.includes('--unsafe');
  const tmp = mkdtempSync(join(tmpdir(), 'dockaudit-corpus-fix-'));
  try {
    const copies = paths.map((p, i) => {
      const dest = join(tmp, p);
      mkdirSync(join(dest, '..'), { recursive: true });
      writeFileSync(dest, texts[i]);
      return dest;
    });
    const configFor = async () => config;
    const t0 = performance.now();
    let first;
    const crashes = [];
    try {
      first = await lib.fixFiles(copies, { configFor, rules, unsafe, dryRun: false });
    } catch (error) {
      crashes.push(String(error?.stack ?? error));
      first = { reports: [], errors: [] };
    }
    const ms = performance.now() - t0;
    const fixedByRule = new Map();
    let changed = 0;
    let left = 0;
    let broken = 0;
    for (const r of first.reports) {
      if (r.changed) changed++;
      left += r.remaining.length;
      for (const [rule, n] of r.fixedByRule) fixedByRule.set(rule, (fixedByRule.get(rule) ?? 0) + n);
      if (r.changed) {
        const i = copies.indexOf(r.path);
        const before = lib.blockingProblems(lib.parseDockerfile(texts[i], paths[i])).length;
        const after = lib.blockingProblems(
          lib.parseDockerfile(readFileSync(r.path, 'utf8'), paths[i]),
        ).length;
        if (after > before) {
          broken++;
          console.error(`BROKEN ${paths[i]}`);
        }
      }
    }
    const second = await lib.fixFiles(copies, { configFor, rules, unsafe, dryRun: true });
    const unstable = second.reports.filter((r) => r.changed);
    for (const r of unstable.slice(0, 10)) console.error(`NOT IDEMPOTENT ${r.path}\n${r.diff}`);
    const fixedTotal = [...fixedByRule.values()].reduce((a, b) => a + b, 0);
    console.log(
      `fix${unsafe ? ' --unsafe' : ''}: ${paths.length} files, ${changed} changed, ${fixedTotal} findings fixed, ${left} left, ${crashes.length} crashes, ${broken} fixed files that no longer parse, ${unstable.length} files changed by a second run, ${Math.round(ms)} ms`,
    );
    for (const [rule, n] of [...fixedByRule.entries()].sort((a, b) => b[1] - a[1]))
      console.log(`  ${String(n).padStart(7)}  ${rule}`);
    for (const c of crashes) console.error(`CRASH ${c}`);
    if (crashes.length || broken || unstable.length) process.exitCode = 1;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
