/**
 * A build engine over the Docker Engine API (DOCKER_HOST: unix:// or tcp://; default the unix socket):
 * BuildKit builds from a tar body (`POST /build?version=2`), image inspection, and smoke checks in a
 * container with no network (`NetworkMode: none`: the check talks to the container's own loopback).
 */
import { type IncomingMessage, request } from 'node:http';
import { type DaemonEndpoint, daemonEndpoint } from '../../image/sources/daemon.js';
import { decodeBuildkitStatus } from './buildkit-status.js';
import { tarOf } from './context.js';
import type { BuildEngine, ContextFile } from './types.js';

export type Endpoint = DaemonEndpoint;

/** Where the Docker Engine API listens (DOCKER_HOST, else the default socket), as the image reader finds it. */
export const engineEndpoint: (env: NodeJS.ProcessEnv) => Endpoint = daemonEndpoint;

interface Answer {
  status: number;
  body: string;
}

function call(
  ep: Endpoint,
  method: string,
  path: string,
  body?: Buffer | string,
  headers: Record<string, string> = {},
  onData?: (chunk: string) => void,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        ...(ep.socketPath ? { socketPath: ep.socketPath } : { host: ep.hostname, port: ep.port }),
        path,
        method,
        headers: {
          Host: 'docker',
          ...headers,
          ...(body !== undefined ? { 'Content-Length': Buffer.byteLength(body) } : {}),
        },
      },
      (res: IncomingMessage) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => {
          if (onData) onData(c);
          else if (text.length < 4 * 1024 * 1024) text += c;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

function json(body: string): Record<string, unknown> {
  try {
    return JSON.parse(body) as Record<string, unknown>;
  } catch {
    return {};
  }
}

/** Whether a Docker Engine answers at the endpoint. */
export async function engineAvailable(ep: Endpoint): Promise<boolean> {
  try {
    const a = await call(ep, 'GET', '/_ping');
    return a.status === 200;
  } catch {
    return false;
  }
}

export class DockerEngine implements BuildEngine {
  readonly name: string;
  constructor(private readonly ep: Endpoint) {
    this.name = `Docker Engine (${ep.host})`;
  }

  async build(context: ContextFile[], dockerfile: string, tag: string) {
    const name = '.dockaudit.Dockerfile';
    const tar = await tarOf([
      ...context.filter((f) => f.path !== name),
      { path: name, data: Buffer.from(dockerfile), mode: 0o644 },
    ]);
    const log: string[] = [];
    let error: string | null = null;
    let pending = '';
    const onData = (chunk: string) => {
      pending += chunk;
      let nl = pending.indexOf('\n');
      while (nl >= 0) {
        const line = pending.slice(0, nl).trim();
        pending = pending.slice(nl + 1);
        nl = pending.indexOf('\n');
        if (!line) continue;
        const msg = json(line);
        if (typeof msg.stream === 'string') log.push(...msg.stream.split('\n').filter(Boolean));
        if (msg.id === 'moby.buildkit.trace' && typeof msg.aux === 'string')
          log.push(...decodeBuildkitStatus(msg.aux));
        if (msg.error || msg.errorDetail)
          error = String((msg.errorDetail as { message?: string })?.message ?? msg.error);
      }
    };
    const query = new URLSearchParams({
      version: '2',
      t: tag,
      dockerfile: name,
      networkmode: 'host',
      rm: '1',
      forcerm: '1',
      pull: '0',
    });
    const answer = await call(
      this.ep,
      'POST',
      `/build?${query}`,
      tar,
      { 'Content-Type': 'application/x-tar' },
      onData,
    );
    if (answer.status !== 200) return { ok: false as const, message: `HTTP ${answer.status}`, log };
    if (error) return { ok: false as const, message: error, log };
    return { ok: true as const };
  }

  async inspect(tag: string) {
    const a = await call(this.ep, 'GET', `/images/${encodeURIComponent(tag)}/json`);
    if (a.status !== 200) throw new Error(`cannot inspect ${tag}: HTTP ${a.status} ${a.body.slice(0, 200)}`);
    const doc = json(a.body) as {
      Size?: number;
      RootFS?: { Layers?: string[] };
      Config?: { User?: string; ExposedPorts?: Record<string, unknown>; Healthcheck?: { Test?: string[] } };
    };
    return {
      size: doc.Size ?? 0,
      layers: doc.RootFS?.Layers?.length ?? 0,
      user: doc.Config?.User ?? '',
      ports: Object.keys(doc.Config?.ExposedPorts ?? {}).sort(),
      healthcheck: doc.Config?.Healthcheck?.Test ?? null,
    };
  }

  async smoke(tag: string, check: string[], seconds: number) {
    const create = await call(
      this.ep,
      'POST',
      '/containers/create',
      JSON.stringify({
        Image: tag,
        HostConfig: { NetworkMode: 'none', AutoRemove: false },
        Healthcheck: { Test: ['NONE'] },
      }),
      { 'Content-Type': 'application/json' },
    );
    const id = json(create.body).Id as string | undefined;
    if (create.status !== 201 || !id)
      return { ok: false, detail: `cannot create a container: ${create.body.slice(0, 200)}` };
    try {
      const start = await call(this.ep, 'POST', `/containers/${id}/start`);
      if (start.status !== 204 && start.status !== 304)
        return { ok: false, detail: `cannot start: ${start.body.slice(0, 200)}` };
      const deadline = Date.now() + seconds * 1000;
      let last = '';
      while (Date.now() < deadline) {
        const state = json((await call(this.ep, 'GET', `/containers/${id}/json`)).body) as {
          State?: { Running?: boolean; ExitCode?: number };
        };
        if (!state.State?.Running)
          return { ok: false, detail: `the container stopped (exit code ${state.State?.ExitCode})` };
        const exec = await call(
          this.ep,
          'POST',
          `/containers/${id}/exec`,
          JSON.stringify({ Cmd: check, AttachStdout: false, AttachStderr: false }),
          { 'Content-Type': 'application/json' },
        );
        const execId = json(exec.body).Id as string | undefined;
        if (execId) {
          await call(this.ep, 'POST', `/exec/${execId}/start`, JSON.stringify({ Detach: true }), {
            'Content-Type': 'application/json',
          });
          for (let i = 0; i < 50; i++) {
            const info = json((await call(this.ep, 'GET', `/exec/${execId}/json`)).body) as {
              Running?: boolean;
              ExitCode?: number;
            };
            if (!info.Running) {
              if (info.ExitCode === 0) return { ok: true, detail: check.join(' ') };
              last = `exit code ${info.ExitCode}`;
              break;
            }
            await sleep(200);
          }
        }
        await sleep(1000);
      }
      return { ok: false, detail: `${check.join(' ')}: ${last || 'no answer'} after ${seconds}s` };
    } finally {
      await call(this.ep, 'DELETE', `/containers/${id}?force=1&v=1`).catch(() => undefined);
    }
  }

  async remove(tag: string) {
    await call(this.ep, 'DELETE', `/images/${encodeURIComponent(tag)}?force=1&noprune=0`).catch(
      () => undefined,
    );
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
