// Measures `dockaudit audit` over a generated repository: N Dockerfiles (Python, Node static, Node server,
// Go, Java, generic; single- and multi-stage) in service folders with their sources and manifests, grouped
// into compose projects of 5 services (plus a database and a cache service each), some with a .dockerignore.
// Usage: npm run build && node bench/audit.mjs [--dockerfiles 50] [--runs 5] [--keep]
// Prints, per phase, wall time and CPU time (user+system of this process; the CLI runs as a child and its
// CPU time comes from getrusage of children): on a busy machine the CPU time is the figure to compare.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const args = process.argv.slice(2);
const opt = (n, d) => (args.includes(n) ? Number(args[args.indexOf(n) + 1]) : d);
const COUNT = opt('--dockerfiles', 50);
const RUNS = opt('--runs', 5);
const cli = new URL('../dist/cli.js', import.meta.url).pathname;
const lib = await import(new URL('../dist/index.js', import.meta.url).href);
const TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

const STACKS = [
  {
    files: {
      'requirements.txt': 'fastapi==0.115.0\nuvicorn==0.30.0\npsycopg[binary]==3.2.1\n',
      'app/__init__.py': '',
      'app/main.py':
        'from fastapi import FastAPI\napp = FastAPI()\n@app.get("/health")\ndef health():\n    return {"ok": True}\n',
      'tests/test_main.py': 'def test_ok():\n    assert True\n',
    },
    dockerfile: [
      'FROM python:3.12-slim',
      'RUN apt-get update && apt-get install -y gcc libpq-dev curl',
      'WORKDIR /srv',
      'COPY . .',
      'RUN pip install -r requirements.txt',
      'EXPOSE 8000',
      'CMD uvicorn app.main:app --host 0.0.0.0 --port 8000',
    ],
  },
  {
    files: {
      'package.json': '{"name":"web","private":true,"scripts":{"build":"node build.mjs"}}\n',
      'package-lock.json':
        '{"name":"web","lockfileVersion":3,"requires":true,"packages":{"":{"name":"web"}}}\n',
      'build.mjs': "import { cpSync } from 'node:fs';\ncpSync('src', 'dist', { recursive: true });\n",
      'src/index.html': '<!doctype html><title>web</title>\n',
    },
    dockerfile: [
      'FROM node:20 AS builder',
      'WORKDIR /app',
      'COPY . .',
      'RUN npm install',
      'RUN npm run build',
      '',
      'FROM nginx:1.27-alpine',
      'COPY --from=builder /app/dist /usr/share/nginx/html',
      'EXPOSE 80',
    ],
  },
  {
    files: {
      'package.json': '{"name":"api","private":true,"scripts":{"start":"node server.js"}}\n',
      'package-lock.json':
        '{"name":"api","lockfileVersion":3,"requires":true,"packages":{"":{"name":"api"}}}\n',
      'server.js': "require('node:http').createServer((q, s) => s.end('ok')).listen(3000);\n",
    },
    dockerfile: [
      'FROM node:22',
      'WORKDIR /app',
      'COPY . .',
      'RUN npm install',
      'EXPOSE 3000',
      'CMD npm start',
    ],
  },
  {
    files: {
      'go.mod': 'module example.com/svc\n\ngo 1.22\n',
      'main.go': 'package main\n\nfunc main() {}\n',
    },
    dockerfile: ['FROM golang:1.22', 'WORKDIR /src', 'COPY . .', 'RUN go build -o /svc .', 'CMD ["/svc"]'],
  },
  {
    files: {
      'pom.xml':
        '<project><modelVersion>4.0.0</modelVersion><groupId>x</groupId><artifactId>svc</artifactId><version>1</version></project>\n',
      'src/main/java/App.java': 'public class App { public static void main(String[] a) {} }\n',
    },
    dockerfile: [
      'FROM maven:3.9-eclipse-temurin-21',
      'WORKDIR /app',
      'COPY . .',
      'RUN mvn -q package',
      'CMD ["java", "-jar", "target/svc-1.jar"]',
    ],
  },
  {
    files: { 'run.sh': '#!/bin/sh\necho hi\n' },
    dockerfile: [
      'FROM ubuntu:latest',
      'RUN apt-get update && apt-get install -y curl wget',
      'ADD run.sh /run.sh',
      'CMD /run.sh',
    ],
  },
];

function generate(root) {
  const write = (path, text) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  const projects = Math.ceil(COUNT / 5);
  let n = 0;
  for (let p = 0; p < projects; p++) {
    const services = [];
    for (let s = 0; s < 5 && n < COUNT; s++, n++) {
      const stack = STACKS[n % STACKS.length];
      const dir = `project-${p}/svc-${s}`;
      for (const [file, text] of Object.entries(stack.files)) write(`${dir}/${file}`, text);
      write(`${dir}/Dockerfile`, `${stack.dockerfile.join('\n')}\n`);
      if (n % 3 === 0) write(`${dir}/.dockerignore`, '.git\nnode_modules\n__pycache__\n');
      if (n % 4 === 0) write(`${dir}/.env`, `API_TOKEN=ghp_${'x'.repeat(36)}\n`);
      services.push(`  svc-${s}:\n    build: ./svc-${s}\n    ports:\n      - "${8000 + s}:${8000 + s}"\n`);
    }
    write(
      `project-${p}/docker-compose.yml`,
      `services:\n${services.join('')}  db:\n    image: postgres:16-alpine\n    environment:\n      POSTGRES_PASSWORD: example\n  cache:\n    image: redis:7-alpine\n`,
    );
  }
}

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${Math.round(x)} ms`;

const root = mkdtempSync(join(tmpdir(), 'dockaudit-bench-audit-'));
try {
  generate(root);
  const phases = { run: [], model: [], markdown: [], html: [], json: [] };
  const cpus = { run: [], total: [] };
  let summary = null;
  for (let i = 0; i < RUNS + 1; i++) {
    const c0 = cpu();
    const t0 = performance.now();
    const run = await lib.runAudit(root);
    const t1 = performance.now();
    const c1 = cpu();
    const report = lib.buildAuditReport(run);
    const t2 = performance.now();
    const md = lib.renderAudit(report, 'markdown');
    const t3 = performance.now();
    lib.renderAudit(report, 'html');
    const t4 = performance.now();
    lib.renderAudit(report, 'json');
    const t5 = performance.now();
    if (i === 0) {
      summary = { ...report.summary, markdownBytes: md.length };
      continue; // warm-up
    }
    phases.run.push(t1 - t0);
    phases.model.push(t2 - t1);
    phases.markdown.push(t3 - t2);
    phases.html.push(t4 - t3);
    phases.json.push(t5 - t4);
    cpus.run.push(c1 - c0);
    cpus.total.push(cpu() - c0);
  }
  console.log(
    `repository: ${summary.dockerfiles} Dockerfiles, ${summary.composeFiles} compose files, ${summary.services} services, ` +
      `${Object.values(summary.findings).reduce((a, b) => a + b, 0)} findings; report ${Math.round(summary.markdownBytes / 1024)} KiB`,
  );
  console.log(
    `in process (median of ${RUNS} warm runs): discover+analyze ${ms(median(phases.run))} (CPU ${ms(median(cpus.run))}), ` +
      `model ${ms(median(phases.model))}, markdown ${ms(median(phases.markdown))}, html ${ms(median(phases.html))}, ` +
      `json ${ms(median(phases.json))}; all phases CPU ${ms(median(cpus.total))}`,
  );

  // The command as a user runs it: a fresh process (module loading included).
  const walls = [];
  const childCpu = [];
  for (let i = 0; i < RUNS; i++) {
    const before = childrenCpuMs();
    const t0 = performance.now();
    execFileSync(process.execPath, [cli, 'audit', root, '-o', join(root, 'report.md')], { stdio: 'ignore' });
    walls.push(performance.now() - t0);
    childCpu.push(childrenCpuMs() - before);
  }
  console.log(
    `CLI \`dockaudit audit\` (fresh process, median of ${RUNS}): wall ${ms(median(walls))}, CPU ${ms(median(childCpu))}`,
  );
} finally {
  if (args.includes('--keep')) console.log(`kept ${root}`);
  else rmSync(root, { recursive: true, force: true });
}

/** CPU time (ms) of this process's waited-for children: cutime + cstime of /proc/self/stat. */
function childrenCpuMs() {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[13]) + Number(fields[14])) * 1000) / TICKS;
}
