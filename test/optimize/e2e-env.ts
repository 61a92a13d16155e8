/**
 * The real engine for the `optimize --verify` end-to-end tests: a private dockerd on a unix socket
 * (--bridge=none --iptables=false), the debootstrap base image loaded from its archive, and the local
 * apt repository (scripts/e2e/optimize-apt-repo.sh) served on 127.0.0.1 so builds reach nothing else.
 * Missing tools skip the tests with a message; with DOCKAUDIT_E2E=1 they fail instead.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, normalize } from 'node:path';
import { DockerEngine, type Endpoint, engineAvailable } from '../../src/optimize/verify/docker.js';

export const LOCAL_APT_BASE = 'localhost/debian-localapt:bookworm';
const CACHE = process.env.DOCKAUDIT_E2E_CACHE ?? '/var/cache/dockaudit-e2e';

export interface E2E {
  engine: DockerEngine;
  endpoint: Endpoint;
  stop(): Promise<void>;
}

/** Why the end-to-end environment cannot be made here, or null when it can. */
export function missingPrerequisite(): string | null {
  if (!existsSync('/usr/sbin/dockerd'))
    return 'dockerd is not installed (Debian docker.io; scripts/e2e/install-tools.sh)';
  if (process.getuid?.() !== 0) return 'dockerd needs root';
  const base = baseArchive();
  if (!base)
    return `no debootstrap base archive (scripts/e2e/build-fixtures.sh writes ${CACHE}/debian-minbase.docker.tar)`;
  if (!existsSync(join(CACHE, 'optimize-apt', 'Packages')))
    return 'no local apt repository (run scripts/e2e/optimize-apt-repo.sh)';
  return null;
}

function baseArchive(): string | null {
  const candidates = [
    process.env.DOCKAUDIT_FIXTURES ? join(process.env.DOCKAUDIT_FIXTURES, 'debian-minbase.docker.tar') : '',
    join(CACHE, 'debian-minbase.docker.tar'),
  ];
  return candidates.find((p) => p && existsSync(p)) ?? null;
}

function serveRepo(dir: string): Promise<Server> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? '/').split('?')[0]!)).replace(/^(\.\.[/\\])+/, '');
    const file = join(dir, path);
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      res.statusCode = 404;
      res.end();
      return;
    }
    res.setHeader('Content-Length', statSync(file).size);
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    // Any free port: a fixed one may be held by another test run on the same machine.
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

function loadImage(ep: Endpoint, archive: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        socketPath: ep.socketPath,
        path: '/images/load?quiet=1',
        method: 'POST',
        headers: { Host: 'docker', 'Content-Type': 'application/x-tar' },
      },
      (res) => {
        res.resume();
        res.on('end', () =>
          res.statusCode === 200 ? resolve() : reject(new Error(`image load: HTTP ${res.statusCode}`)),
        );
      },
    );
    req.on('error', reject);
    createReadStream(archive).pipe(req);
  });
}

/** Starts dockerd, loads the base, serves the repository and builds the base that uses it. */
export async function startE2E(): Promise<E2E> {
  const state = mkdtempSync(join(tmpdir(), 'dockaudit-optimize-dockerd-'));
  const sock = join(state, 'docker.sock');
  const daemon: ChildProcess = spawn(
    '/usr/sbin/dockerd',
    [
      '-H',
      `unix://${sock}`,
      '--data-root',
      join(state, 'data'),
      '--exec-root',
      join(state, 'exec'),
      '--pidfile',
      join(state, 'dockerd.pid'),
      '--bridge=none',
      '--iptables=false',
    ],
    { stdio: 'ignore' },
  );
  const endpoint: Endpoint = { host: `unix://${sock}`, socketPath: sock };
  let server: Server | null = null;
  const stop = async () => {
    server?.close();
    if (daemon.exitCode === null) {
      const exited = new Promise((r) => daemon.once('exit', r));
      daemon.kill('SIGTERM');
      // dockerd stops its containerd and BuildKit first; give it time, then end it.
      const timer = setTimeout(() => daemon.kill('SIGKILL'), 60_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(state, { recursive: true, force: true, maxRetries: 3 });
  };
  try {
    for (let i = 0; i < 150 && !(await engineAvailable(endpoint)); i++)
      await new Promise((r) => setTimeout(r, 200));
    if (!(await engineAvailable(endpoint))) throw new Error('dockerd did not come up');
    await loadImage(endpoint, baseArchive()!);
    server = await serveRepo(join(CACHE, 'optimize-apt'));
    const port = (server.address() as AddressInfo).port;
    const engine = new DockerEngine(endpoint);
    const dockerfile = [
      'FROM localhost/debian-minbase:bookworm',
      `RUN rm -f /etc/apt/sources.list /etc/apt/sources.list.d/* && echo 'deb [trusted=yes] http://127.0.0.1:${port} ./' > /etc/apt/sources.list`,
    ].join('\n');
    const built = await engine.build([], dockerfile, LOCAL_APT_BASE);
    if (!built.ok) throw new Error(`base build failed: ${built.message}\n${built.log.slice(-10).join('\n')}`);
    return { engine, endpoint, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

export const E2E_REQUIRED = process.env.DOCKAUDIT_E2E === '1';
export { readFileSync };
