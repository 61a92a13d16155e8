import { promises as fs } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export interface Credentials {
  username: string;
  password: string;
}

export interface Challenge {
  scheme: 'basic' | 'bearer';
  params: Record<string, string>;
}

/** Parses a `WWW-Authenticate` header (`Bearer realm="…",service="…",scope="…"` or `Basic realm="…"`). */
export function parseChallenge(header: string | null): Challenge | null {
  if (!header) return null;
  const m = /^\s*(Basic|Bearer)\b\s*(.*)$/i.exec(header);
  if (!m) return null;
  const params: Record<string, string> = {};
  const re = /([A-Za-z_]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))/g;
  for (let p = re.exec(m[2]!); p; p = re.exec(m[2]!))
    params[p[1]!.toLowerCase()] = (p[2] ?? p[3] ?? '').replace(/\\(.)/g, '$1');
  return { scheme: m[1]!.toLowerCase() as Challenge['scheme'], params };
}

/** True for hosts that never leave the machine (127.0.0.0/8, ::1, localhost). */
export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127(?:\.\d{1,3}){3}$/.test(h);
}

/** Host without its port (`127.0.0.1:5000` → `127.0.0.1`, `[::1]:5000` → `::1`). */
export function hostname(hostPort: string): string {
  if (hostPort.startsWith('[')) return hostPort.slice(1, hostPort.indexOf(']'));
  const colon = hostPort.lastIndexOf(':');
  return colon === -1 ? hostPort : hostPort.slice(0, colon);
}

interface DockerConfig {
  auths?: Record<string, { auth?: string; username?: string; password?: string }>;
}

/**
 * Credentials for a registry: DOCKAUDIT_REGISTRY_USER / DOCKAUDIT_REGISTRY_PASSWORD, else the `auths`
 * of docker's config.json ($DOCKER_CONFIG or ~/.docker). Credential helpers are not consulted.
 */
export async function findCredentials(
  registryHost: string,
  env: NodeJS.ProcessEnv,
): Promise<Credentials | null> {
  if (env.DOCKAUDIT_REGISTRY_USER && env.DOCKAUDIT_REGISTRY_PASSWORD !== undefined)
    return { username: env.DOCKAUDIT_REGISTRY_USER, password: env.DOCKAUDIT_REGISTRY_PASSWORD };
  const dir = env.DOCKER_CONFIG || join(env.HOME || homedir(), '.docker');
  let config: DockerConfig;
  try {
    config = JSON.parse(await fs.readFile(join(dir, 'config.json'), 'utf8')) as DockerConfig;
  } catch {
    return null;
  }
  const keys =
    registryHost === 'docker.io' || registryHost === 'registry-1.docker.io'
      ? ['https://index.docker.io/v1/', 'index.docker.io', 'docker.io']
      : [registryHost, `https://${registryHost}`, `http://${registryHost}`, `https://${registryHost}/v1/`];
  for (const key of keys) {
    const entry = config.auths?.[key];
    if (!entry) continue;
    if (entry.username && entry.password !== undefined)
      return { username: entry.username, password: entry.password };
    if (entry.auth) {
      const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      if (colon > 0) return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
    }
  }
  return null;
}

export function basicHeader(c: Credentials): string {
  return `Basic ${Buffer.from(`${c.username}:${c.password}`).toString('base64')}`;
}
