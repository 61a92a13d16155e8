// Audits every compose file of ../shared/corpus/compose (each as its own project) with the built library
// and prints files, services, findings per rule, invalid files, other input errors, crashes and time.
// Exits 1 on any crash (an exception, or a rule that threw).
// Usage: node scripts/corpus-compose.mjs [--corpus DIR] [--json] [--all-rules] [--show RULE [--limit N]]
//   --all-rules  also run the rules that are off by default
//   --show RULE  print each finding of a rule (id or code) with its source line, for review by hand
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const args = process.argv.slice(2);
const opt = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const root = resolve(opt('--corpus') ?? new URL('../../shared/corpus/compose', import.meta.url).pathname);
const show = opt('--show');
const limit = Number(opt('--limit') ?? 1000);
const lib = await import(new URL('../dist/index.js', import.meta.url).href);

const paths = [];
for (const repo of readdirSync(root).sort())
  for (const f of readdirSync(join(root, repo)).sort()) paths.push(join(repo, f));

const config = lib.defaultConfig();
if (args.includes('--all-rules')) config.enabled.push(...lib.composeRules.map((r) => r.id));
const perRule = new Map();
const invalid = [];
const otherErrors = [];
const crashes = [];
const shown = [];
let findings = 0;
let services = 0;
const t0 = performance.now();
const cpu0 = process.cpuUsage();
for (const path of paths) {
  try {
    // An empty environment: the corpus run must not depend on the machine's variables.
    const { project, errors } = await lib.loadComposeProject([path], { cwd: root, env: {} });
    for (const e of errors) {
      const line = `${e.file}${e.line ? `:${e.line}:${e.column}` : ''} ${e.message}`;
      (e.message.startsWith('invalid YAML') ||
      e.message.startsWith('empty') ||
      e.message.includes('must be a mapping')
        ? invalid
        : otherErrors
      ).push(line);
    }
    if (!project) continue;
    services += project.services.length;
    const failures = [];
    const out = lib.auditCompose(project, { config, rules: lib.composeRules, failures });
    for (const f of failures) crashes.push(`${path}: rule ${f.rule}: ${f.error?.stack ?? f.error}`);
    findings += out.length;
    for (const f of out) {
      perRule.set(f.rule, (perRule.get(f.rule) ?? 0) + 1);
      if (show && (f.rule === show || f.code === show) && shown.length < limit) {
        const file = project.files.find((s) => s.path === f.file);
        const text = file?.text.split(/\r?\n/)[f.line - 1]?.trim() ?? '';
        shown.push(`${f.file}:${f.line}:${f.column}  ${f.message}\n      ${text.slice(0, 140)}`);
      }
    }
  } catch (error) {
    crashes.push(`${path}: ${error?.stack ?? error}`);
  }
}
const ms = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
const cpuMs = Math.round((cpu.user + cpu.system) / 1000);
const invalidFiles = new Set(invalid.map((l) => l.split(/[: ]/)[0])).size;
const summary = {
  files: paths.length,
  services,
  rules: lib.composeRules.length,
  findings,
  invalidFiles,
  otherInputErrors: otherErrors.length,
  crashes: crashes.length,
  ms: Math.round(ms),
  cpuMs,
  filesPerSecond: Math.round((paths.length / ms) * 1000),
};
if (args.includes('--json'))
  console.log(
    JSON.stringify({ ...summary, perRule: Object.fromEntries(perRule), invalid, otherErrors }, null, 2),
  );
else {
  console.log(
    `files: ${summary.files}  services: ${services}  rules: ${summary.rules}  findings: ${findings}  invalid files: ${invalidFiles}  other input errors: ${otherErrors.length}  crashes: ${crashes.length}`,
  );
  console.log(
    `time: ${summary.ms} ms wall, ${cpuMs} ms CPU  (${summary.filesPerSecond} files/s, one process, load + all rules; wall time counts other processes on a busy machine)`,
  );
  for (const [rule, n] of [...perRule.entries()].sort((a, b) => b[1] - a[1]))
    console.log(`  ${String(n).padStart(7)}  ${rule}`);
  if (invalid.length) console.log(`invalid files:\n  ${invalid.join('\n  ')}`);
  if (otherErrors.length && args.includes('--errors'))
    console.log(`other input errors:\n  ${otherErrors.join('\n  ')}`);
  for (const s of shown) console.log(s);
}
for (const c of crashes.slice(0, 20)) console.error(`CRASH ${c}`);
process.exitCode = crashes.length > 0 ? 1 : 0;
