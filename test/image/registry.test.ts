import { promises as fs } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readImage } from '../../src/image/read.js';
import { parseRegistryRef } from '../../src/image/sources/registry.js';
import { parseChallenge } from '../../src/image/sources/registry-auth.js';
import { type OciBlobs, ociFiles, tempDir } from './helpers/build.js';

type Auth = 'none' | 'basic' | 'bearer';

/** A registry v2 on 127.0.0.1 serving OCI blobs, with the chosen authentication. */
function fakeRegistry(
  blobs: OciBlobs,
  auth: Auth,
): Promise<{ server: Server; host: string; requests: string[] }> {
  const requests: string[] = [];
  const byDigest = new Map(
    blobs.files.filter((f) => f.name.startsWith('blobs/')).map((f) => [`sha256:${f.name.slice(13)}`, f.data]),
  );
  const index = JSON.parse(blobs.files.find((f) => f.name === 'index.json')!.data.toString()) as {
    manifests: Array<{ digest: string; mediaType: string }>;
  };
  const basic = `Basic ${Buffer.from('alice:s3cret').toString('base64')}`;
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://x');
    requests.push(
      `${url.pathname}${url.search} ${req.headers.authorization ? req.headers.authorization.split(' ')[0] : '-'}`,
    );
    if (url.pathname === '/token') {
      if (req.headers.authorization !== basic) {
        res.writeHead(401).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ token: 'tok-123' }));
      return;
    }
    const authorized =
      auth === 'none' ||
      (auth === 'basic' && req.headers.authorization === basic) ||
      (auth === 'bearer' && req.headers.authorization === 'Bearer tok-123');
    if (!authorized) {
      const host = req.headers.host;
      res
        .writeHead(401, {
          'www-authenticate':
            auth === 'basic'
              ? 'Basic realm="test"'
              : `Bearer realm="http://${host}/token",service="test",scope="repository:team/app:pull"`,
        })
        .end('{"errors":[{"code":"UNAUTHORIZED","message":"authentication required"}]}');
      return;
    }
    const m = /^\/v2\/team\/app\/(manifests|blobs)\/(.+)$/.exec(url.pathname);
    if (!m) {
      res.writeHead(404).end();
      return;
    }
    const ref = m[2]!;
    const digest = ref === '1' ? index.manifests[0]!.digest : ref;
    const data = byDigest.get(digest);
    if (!data) {
      res
        .writeHead(404, { 'content-type': 'application/json' })
        .end('{"errors":[{"code":"MANIFEST_UNKNOWN","message":"manifest unknown"}]}');
      return;
    }
    const type =
      m[1] === 'manifests'
        ? (JSON.parse(data.toString()) as { mediaType?: string }).mediaType
        : 'application/octet-stream';
    res
      .writeHead(200, { 'content-type': type ?? 'application/octet-stream', 'docker-content-digest': digest })
      .end(data);
  };
  const server = createServer(handler);
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, host: `127.0.0.1:${(server.address() as AddressInfo).port}`, requests }),
    ),
  );
}

const image = {
  layers: [[{ path: 'etc/' }, { path: 'etc/hello', content: 'hi' }]],
  config: { User: '1000' },
};
let blobs: OciBlobs;
const servers: Server[] = [];
let dir: string;

beforeAll(async () => {
  blobs = await ociFiles([image]);
  dir = await tempDir('da-reg-');
});
afterAll(async () => {
  for (const s of servers) s.close();
  await fs.rm(dir, { recursive: true, force: true });
});

async function start(auth: Auth, files = blobs) {
  const r = await fakeRegistry(files, auth);
  servers.push(r.server);
  return r;
}

describe('registry source', () => {
  it('parses registry references and challenges', () => {
    expect(parseRegistryRef('registry://127.0.0.1:5000/team/app:1')).toEqual({
      host: '127.0.0.1:5000',
      repository: 'team/app',
      reference: '1',
    });
    expect(parseRegistryRef('registry://docker.io/alpine')).toEqual({
      host: 'docker.io',
      repository: 'library/alpine',
      reference: 'latest',
    });
    expect(() => parseRegistryRef('registry://h/Bad Name')).toThrow(/invalid repository name/);
    expect(
      parseChallenge('Bearer realm="https://auth.example/token",service="reg",scope="repository:a:pull"'),
    ).toEqual({
      scheme: 'bearer',
      params: { realm: 'https://auth.example/token', service: 'reg', scope: 'repository:a:pull' },
    });
  });

  it('reads an image anonymously over plain HTTP on loopback with --insecure', async () => {
    const { host } = await start('none');
    const m = await readImage(`registry://${host}/team/app:1`, { insecure: true });
    expect(m.kind).toBe('registry');
    expect(m.reference).toBe(`${host}/team/app:1`);
    expect(m.config.config.User).toBe('1000');
    expect(m.finalEntries).toBe(2);
    expect(m.manifestDigest).toBe(blobs.manifestDigest);
  });

  it('answers basic and bearer challenges with credentials from the environment or docker config', async () => {
    const basicReg = await start('basic');
    const env = { DOCKAUDIT_REGISTRY_USER: 'alice', DOCKAUDIT_REGISTRY_PASSWORD: 's3cret', HOME: dir };
    expect(
      (await readImage(`registry://${basicReg.host}/team/app:1`, { insecure: true, env })).finalEntries,
    ).toBe(2);
    await expect(
      readImage(`registry://${basicReg.host}/team/app:1`, { insecure: true, env: { HOME: dir } }),
    ).rejects.toThrow(/the registry needs a user name and password/);
    const bearer = await start('bearer');
    const config = join(dir, 'docker');
    await fs.mkdir(config, { recursive: true });
    await fs.writeFile(
      join(config, 'config.json'),
      JSON.stringify({ auths: { [bearer.host]: { auth: Buffer.from('alice:s3cret').toString('base64') } } }),
    );
    const m = await readImage(`registry://${bearer.host}/team/app:1`, {
      insecure: true,
      env: { DOCKER_CONFIG: config },
    });
    expect(m.finalEntries).toBe(2);
    expect(bearer.requests.filter((r) => r.startsWith('/token'))).toEqual([
      '/token?service=test&scope=repository%3Ateam%2Fapp%3Apull Basic',
    ]);
    await expect(
      readImage(`registry://${bearer.host}/team/app:1`, {
        insecure: true,
        env: { DOCKAUDIT_REGISTRY_USER: 'alice', DOCKAUDIT_REGISTRY_PASSWORD: 'wrong' },
      }),
    ).rejects.toThrow(/the token service refused the credentials \(401\)/);
  });

  it('refuses plain HTTP off loopback, and reports registry errors', async () => {
    await expect(readImage('registry://registry.example.com/team/app:1', { insecure: true })).rejects.toThrow(
      /--insecure allows plain HTTP only to a registry on a loopback address/,
    );
    const { host } = await start('none');
    await expect(readImage(`registry://${host}/team/app:2`, { insecure: true })).rejects.toThrow(
      /the registry answered 404: MANIFEST_UNKNOWN manifest unknown/,
    );
    await expect(readImage(`registry://${host}/team/app:1`)).rejects.toThrow(/cannot reach 127\.0\.0\.1/);
  });

  it('chooses a platform from a multi-platform index', async () => {
    const multi = await ociFiles([
      { ...image, architecture: 'amd64', platform: { os: 'linux', architecture: 'amd64' } },
      {
        layers: [[{ path: 'arm', content: 'arm' }]],
        architecture: 'arm64',
        platform: { os: 'linux', architecture: 'arm64' },
      },
    ]);
    const { host } = await start('none', multi);
    const m = await readImage(`registry://${host}/team/app:1`, { insecure: true, platform: 'linux/arm64' });
    expect(m.platform.architecture).toBe('arm64');
    expect(m.finalEntries).toBe(1);
  });
});
