import { promises as fs } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readImage } from '../../src/image/read.js';
import { daemonEndpoint } from '../../src/image/sources/daemon.js';
import { tempDir, writeDockerArchive } from './helpers/build.js';

let dir: string;
let server: Server;
let socket: string;
const requests: string[] = [];

beforeAll(async () => {
  dir = await tempDir('da-daemon-');
  const archive = join(dir, 'app.tar');
  await writeDockerArchive(
    archive,
    { layers: [[{ path: 'hello', content: 'hi' }]], config: { User: 'app' } },
    { repoTags: ['example/app:1'] },
  );
  const data = await fs.readFile(archive);
  socket = join(dir, 'docker.sock');
  // A Docker Engine API on a unix socket: inspect and export of one image.
  server = createServer((req, res) => {
    requests.push(req.url ?? '');
    if (req.url === '/images/example/app:1/json')
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"Id":"sha256:x"}');
    else if (req.url === `/images/get?names=${encodeURIComponent('example/app:1')}`)
      res.writeHead(200, { 'content-type': 'application/x-tar' }).end(data);
    else
      res
        .writeHead(404, { 'content-type': 'application/json' })
        .end('{"message":"No such image: example/other:2"}');
  });
  await new Promise<void>((resolve) => server.listen(socket, resolve));
});
afterAll(async () => {
  server.close();
  await fs.rm(dir, { recursive: true, force: true });
});

describe('Docker Engine source', () => {
  it('reads DOCKER_HOST', () => {
    expect(daemonEndpoint({})).toMatchObject({ socketPath: '/var/run/docker.sock' });
    expect(daemonEndpoint({ DOCKER_HOST: 'tcp://127.0.0.1:2375' })).toMatchObject({
      hostname: '127.0.0.1',
      port: 2375,
    });
    expect(() => daemonEndpoint({ DOCKER_HOST: 'tcp://127.0.0.1:2376', DOCKER_TLS_VERIFY: '1' })).toThrow(
      /TLS connections/,
    );
    expect(() => daemonEndpoint({ DOCKER_HOST: 'ssh://host' })).toThrow(/unsupported DOCKER_HOST/);
  });

  it('exports an image by name:tag over the API socket and removes its temporary copy', async () => {
    const before = await fs.readdir((await import('node:os')).tmpdir());
    const m = await readImage('example/app:1', { env: { DOCKER_HOST: `unix://${socket}` } });
    expect(m.kind).toBe('daemon');
    expect(m.reference).toBe('example/app:1');
    expect(m.config.config.User).toBe('app');
    expect(requests).toEqual(['/images/example/app:1/json', '/images/get?names=example%2Fapp%3A1']);
    const after = await fs.readdir((await import('node:os')).tmpdir());
    expect(after.filter((n) => n.startsWith('dockaudit-spool-') && !before.includes(n))).toEqual([]);
  });

  it('says clearly when the image or the engine is missing', async () => {
    await expect(readImage('example/other:2', { env: { DOCKER_HOST: `unix://${socket}` } })).rejects.toThrow(
      /no image example\/other:2 in the Docker Engine/,
    );
    await expect(
      readImage('example/app:1', { env: { DOCKER_HOST: `unix://${join(dir, 'none.sock')}` } }),
    ).rejects.toThrow(/no such file, and no Docker Engine answers at unix:\/\/.*none\.sock: connect ENOENT/);
  });
});
