// Lint throughput over the corpus (run by hand, not in tests): dockaudit's full lint against the JavaScript
// peers from npm, dockerfilelint and dockerfile-utils' validator, on the same files in the same run.
//
// Each measurement is a fresh child process that reads every file into memory (not timed), loads the tool
// (timed: "load"), then lints all files `--passes` times in one process. Pass 1 is what one `lint` run over
// the corpus costs (JIT warm-up included); the last pass shows the warm speed. Tools take turns round by
// round (interleaved, the order rotating), so a change in the machine's load hits all of them alike.
// Wall time and CPU time (user + system of the whole process, GC threads included) are both reported:
// on a loaded machine the CPU figure is the steadier one. A file whose lint throws is a crash (for
// dockaudit, a rule that throws is one too, as in `npm run corpus`).
//
// Usage: npm run build && node bench/lint-throughput.mjs [--rounds 5] [--passes 3]
//          [--tools dockaudit,dockerfilelint,dockerfile-utils] [--corpus DIR] [--json]
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join, resolve } from 'node:path';

const argv = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  return i === -1 ? fallback : argv[i + 1];
};
const root = new URL('..', import.meta.url).pathname;
const corpus = resolve(arg('corpus', join(root, '../shared/corpus/dockerfiles')));
const PASSES = Number(arg('passes', '3'));

/** How each tool lints one text; each returns the number of findings, or throws. */
const TOOLS = {
  async dockaudit() {
    const lib = await import(new URL('../dist/index.js', import.meta.url).href);
    const config = lib.defaultConfig();
    const rules = lib.dockerfileRules;
    return {
      rules: rules.length,
      lint(text, path) {
        const file = lib.parseDockerfile(text, path);
        if (lib.notADockerfile(file)) return 0;
        const failures = [];
        const findings = lib.lintDockerfile(file, { config, rules, failures });
        if (failures.length > 0) throw failures[0].error;
        return findings.length;
      },
    };
  },
  async dockerfilelint() {
    const { createRequire } = await import('node:module');
    const require = createRequire(import.meta.url);
    const dockerfilelint = require('dockerfilelint');
    const reference = require('dockerfilelint/lib/reference.js');
    // The folder it looks for a .dockerfilelintrc in: one without any, so every rule runs.
    const configDir = join(root, 'bench');
    return {
      rules: Object.keys(reference).length,
      lint: (text) => dockerfilelint.run(configDir, text).length,
    };
  },
  async 'dockerfile-utils'() {
    const { createRequire } = await import('node:module');
    const require = createRequire(import.meta.url);
    const utils = require('dockerfile-utils');
    // Its problems are the codes of ValidationCode (one value is named twice).
    const codes = new Set(Object.values(utils.ValidationCode).filter((v) => typeof v === 'number'));
    return { rules: codes.size, lint: (text) => utils.validate(text).length };
  },
};

function corpusFiles() {
  const paths = [];
  for (const repo of readdirSync(corpus).sort())
    for (const f of readdirSync(join(corpus, repo)).sort()) paths.push(join(repo, f));
  return paths;
}

async function child(name) {
  const paths = corpusFiles();
  const texts = paths.map((p) => readFileSync(join(corpus, p), 'utf8'));
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const tool = await TOOLS[name]();
  const load = { ms: performance.now() - t0, cpuMs: cpuMs(process.cpuUsage(c0)) };
  const passes = [];
  for (let p = 0; p < PASSES; p++) {
    let findings = 0;
    let crashes = 0;
    const cpu = process.cpuUsage();
    const start = performance.now();
    for (let i = 0; i < texts.length; i++) {
      try {
        findings += tool.lint(texts[i], paths[i]);
      } catch {
        crashes++;
      }
    }
    passes.push({ ms: performance.now() - start, cpuMs: cpuMs(process.cpuUsage(cpu)), findings, crashes });
  }
  const rss = process.memoryUsage().rss;
  process.stdout.write(
    JSON.stringify({ tool: name, files: texts.length, rules: tool.rules, load, passes, rss }),
  );
}

const cpuMs = (u) => (u.user + u.system) / 1000;
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

async function parent() {
  const tools = arg('tools', Object.keys(TOOLS).join(',')).split(',');
  const rounds = Number(arg('rounds', '5'));
  const runs = new Map(tools.map((t) => [t, []]));
  const load = [loadavg()[0]];
  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < tools.length; k++) {
      const name = tools[(k + r) % tools.length];
      const out = spawnSync(
        process.execPath,
        [new URL(import.meta.url).pathname, '--child', name, '--passes', String(PASSES), '--corpus', corpus],
        { encoding: 'utf8', maxBuffer: 1 << 24 },
      );
      if (out.status !== 0) throw new Error(`${name} failed: ${out.stderr}`);
      runs.get(name).push(JSON.parse(out.stdout));
      process.stderr.write(`round ${r + 1}/${rounds} ${name} done\n`);
    }
    load.push(loadavg()[0]);
  }
  const rows = tools.map((name) => {
    const rs = runs.get(name);
    const files = rs[0].files;
    const first = rs.map((x) => x.passes[0]);
    const last = rs.map((x) => x.passes[x.passes.length - 1]);
    const rate = (ms) => Math.round((files / ms) * 1000);
    return {
      tool: name,
      rules: rs[0].rules,
      files,
      crashes: rs[0].passes[0].crashes,
      findings: rs[0].passes[0].findings,
      loadMs: Math.round(median(rs.map((x) => x.load.ms))),
      firstPass: {
        filesPerSecond: rate(median(first.map((p) => p.ms))),
        cpuFilesPerSecond: rate(median(first.map((p) => p.cpuMs))),
      },
      warmPass: {
        filesPerSecond: rate(median(last.map((p) => p.ms))),
        cpuFilesPerSecond: rate(median(last.map((p) => p.cpuMs))),
      },
      peakRssMB: Math.round(Math.max(...rs.map((x) => x.rss)) / 2 ** 20),
    };
  });
  const machine = {
    cores: availableParallelism(),
    node: process.version,
    loadAverage: load.map((l) => l.toFixed(1)),
  };
  if (argv.includes('--json')) {
    console.log(JSON.stringify({ machine, rounds, passes: PASSES, rows }, null, 2));
    return;
  }
  console.log(
    `${rounds} rounds, ${PASSES} passes per process; medians; ${machine.cores} cores, node ${machine.node}`,
  );
  console.log(`load average (1 min) during the run: ${machine.loadAverage.join(' ')}`);
  console.log(
    'tool               rules  crashes  load ms  pass 1 files/s (wall, CPU)  warm files/s (wall, CPU)  peak RSS',
  );
  for (const r of rows)
    console.log(
      `${r.tool.padEnd(18)} ${String(r.rules).padStart(5)}  ${String(r.crashes).padStart(7)}  ${String(r.loadMs).padStart(7)}  ${`${r.firstPass.filesPerSecond}, ${r.firstPass.cpuFilesPerSecond}`.padStart(26)}  ${`${r.warmPass.filesPerSecond}, ${r.warmPass.cpuFilesPerSecond}`.padStart(24)}  ${r.peakRssMB} MB`,
    );
}

if (argv.includes('--child')) await child(arg('child'));
else await parent();
