// Cold start (run by hand, not in tests): `dockaudit lint` on one small Dockerfile against `node -e 0`, the
// floor of any Node.js command, and `dockaudit --version` (loading the CLI without linting).
//
// Each sample is a fresh process. The commands take turns (interleaved) so a change in the machine's load
// hits all of them alike. Wall time is measured per run; CPU time (user + system) is read from this
// process's children's totals in /proc/self/stat (Linux), whose 10 ms ticks average out over the runs.
// On a loaded machine CPU time is the steadier figure.
//
// Usage: npm run build && node bench/cold-start.mjs [--runs 30] [--cli dist/cli.js] [--baseline OTHER/cli.js] [--json]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

const argv = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  return i === -1 ? fallback : argv[i + 1];
};
const RUNS = Number(arg('runs', '30'));
const cli = arg('cli', new URL('../dist/cli.js', import.meta.url).pathname);

const dir = mkdtempSync(join(tmpdir(), 'dockaudit-cold-'));
const dockerfile = join(dir, 'Dockerfile');
writeFileSync(
  dockerfile,
  'FROM alpine:3.20\nRUN apk add --no-cache curl=8.9.1-r1\nUSER 10001\nCMD ["curl", "--version"]\n',
);

const COMMANDS = {
  'node -e 0': ['-e', '0'],
  'dockaudit --version': [cli, '--version'],
  'dockaudit lint (1 file)': [cli, 'lint', '--no-color', dockerfile],
};
// --baseline OTHER/cli.js: the same lint with another build (before/after a change, in the same run).
const baseline = arg('baseline', null);
if (baseline) COMMANDS['baseline lint (1 file)'] = [baseline, 'lint', '--no-color', dockerfile];

/** CPU time (ms) of all reaped children so far: cutime + cstime of /proc/self/stat, in 10 ms ticks. */
function childrenCpuMs() {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // After the command name: field 3 is fields[0]; cutime and cstime are fields 16 and 17.
  return (Number(fields[13]) + Number(fields[14])) * 10;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const names = Object.keys(COMMANDS);
const wall = new Map(names.map((n) => [n, []]));
const cpu = new Map(names.map((n) => [n, 0]));
const load = [loadavg()[0]];
for (let r = 0; r < RUNS + 2; r++) {
  for (let k = 0; k < names.length; k++) {
    const name = names[(k + r) % names.length];
    const c0 = childrenCpuMs();
    const t0 = performance.now();
    const out = spawnSync(process.execPath, COMMANDS[name], { encoding: 'utf8' });
    const ms = performance.now() - t0;
    const c1 = childrenCpuMs();
    if (out.error || (out.status !== 0 && !name.includes('lint'))) throw new Error(`${name}: ${out.stderr}`);
    if (name.includes('lint') && out.status === 2) throw new Error(`${name}: ${out.stderr}`);
    // The first two rounds warm the file system cache and are not counted.
    if (r < 2) continue;
    wall.get(name).push(ms);
    cpu.set(name, cpu.get(name) + (c1 - c0));
  }
  if (r % 10 === 9) load.push(loadavg()[0]);
}
load.push(loadavg()[0]);
rmSync(dir, { recursive: true, force: true });

const rows = names.map((name) => ({
  command: name,
  wallMs: Math.round(median(wall.get(name))),
  cpuMs: Math.round(cpu.get(name) / RUNS),
}));
const floor = rows[0];
for (const r of rows) {
  r.wallRatio = Number((r.wallMs / floor.wallMs).toFixed(2));
  r.cpuRatio = Number((r.cpuMs / floor.cpuMs).toFixed(2));
}
const machine = {
  cores: availableParallelism(),
  node: process.version,
  loadAverage: load.map((l) => l.toFixed(1)),
};
if (argv.includes('--json')) {
  console.log(JSON.stringify({ machine, runs: RUNS, rows }, null, 2));
} else {
  console.log(`${RUNS} runs each, interleaved; ${machine.cores} cores, node ${machine.node}`);
  console.log(`load average (1 min) during the run: ${machine.loadAverage.join(' ')}`);
  console.log('command                   wall (median)  × node -e 0   CPU (mean)  × node -e 0');
  for (const r of rows)
    console.log(
      `${r.command.padEnd(24)} ${`${r.wallMs} ms`.padStart(14)} ${String(r.wallRatio).padStart(12)} ${`${r.cpuMs} ms`.padStart(12)} ${String(r.cpuRatio).padStart(12)}`,
    );
}
