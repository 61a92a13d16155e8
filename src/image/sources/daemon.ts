import { type IncomingMessage, request } from 'node:http';
import { describeError, ImageInputError } from '../errors.js';

export interface DaemonEndpoint {
  /** `unix:///var/run/docker.sock` or `tcp://127.0.0.1:2375`, as DOCKER_HOST says. */
  host: string;
  socketPath?: string;
  hostname?: string;
  port?: number;
}

/** Where the Docker Engine API listens: DOCKER_HOST (unix:// or plain tcp://), else the default socket. */
export function daemonEndpoint(env: NodeJS.ProcessEnv): DaemonEndpoint {
  const host = env.DOCKER_HOST?.trim() || 'unix:///var/run/docker.sock';
  if (host.startsWith('unix://')) return { host, socketPath: host.slice('unix://'.length) };
  if (host.startsWith('tcp://') || host.startsWith('http://')) {
    if (env.DOCKER_TLS_VERIFY && env.DOCKER_TLS_VERIFY !== '0')
      throw new ImageInputError(
        host,
        'DOCKER_TLS_VERIFY is set: TLS connections to the Docker Engine are not supported',
      );
    const url = new URL(host.replace(/^tcp:/, 'http:'));
    return { host, hostname: url.hostname.replace(/^\[|\]$/g, ''), port: Number(url.port || 2375) };
  }
  throw new ImageInputError(host, `unsupported DOCKER_HOST ${JSON.stringify(host)} (use unix:// or tcp://)`);
}

function get(endpoint: DaemonEndpoint, path: string): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        ...(endpoint.socketPath
          ? { socketPath: endpoint.socketPath }
          : { host: endpoint.hostname, port: endpoint.port }),
        path,
        method: 'GET',
        headers: { Host: 'docker' },
      },
      resolve,
    );
    req.on('error', reject);
    req.end();
  });
}

async function readBody(res: IncomingMessage, max = 64 * 1024): Promise<string> {
  let text = '';
  for await (const chunk of res) {
    if (text.length < max) text += (chunk as Buffer).toString('utf8');
  }
  return text;
}

function daemonMessage(body: string): string {
  try {
    const doc = JSON.parse(body) as { message?: unknown };
    if (typeof doc.message === 'string') return doc.message;
  } catch {
    // not JSON: use the text
  }
  return body.trim().slice(0, 300);
}

/**
 * Asks a Docker Engine for an image (`GET /images/{name}/json`, then `GET /images/get?names=`): the
 * answer is a `docker save` archive stream.
 */
export async function exportFromDaemon(reference: string, env: NodeJS.ProcessEnv): Promise<IncomingMessage> {
  const endpoint = daemonEndpoint(env);
  const where = `Docker Engine at ${endpoint.host}`;
  let inspect: IncomingMessage;
  try {
    inspect = await get(endpoint, `/images/${encodeURI(reference)}/json`);
  } catch (error) {
    throw new ImageInputError(
      reference,
      `no such file, and no Docker Engine answers at ${endpoint.host}: ${describeError(error)}`,
    );
  }
  const inspectBody = await readBody(inspect);
  if (inspect.statusCode === 404)
    throw new ImageInputError(reference, `no such file, and no image ${reference} in the ${where}`);
  if (inspect.statusCode !== 200)
    throw new ImageInputError(
      reference,
      `${where} answered ${inspect.statusCode}: ${daemonMessage(inspectBody)}`,
    );
  const res = await get(endpoint, `/images/get?names=${encodeURIComponent(reference)}`);
  if (res.statusCode !== 200) {
    const body = await readBody(res);
    throw new ImageInputError(
      reference,
      `${where} could not export the image (${res.statusCode}): ${daemonMessage(body)}`,
    );
  }
  return res;
}
