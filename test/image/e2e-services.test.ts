/**
 * End to end against real services started here and stopped afterwards: Debian's dockerd (unix
 * socket, no bridge, no iptables) and docker-registry (127.0.0.1 only, plain and with htpasswd).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createPrivateKey, createSign } from 'node:crypto';
import { existsSync, promises as fs, readFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readImage } from '../../src/image/read.js';
import { tempDir } from './helpers/build.js';
import { fixture, gate, REPO } from './helpers/e2e.js';

const dockerfile = (name: string) => ({
  path: fixture(name, 'Dockerfile'),
  text: readFileSync(fixture(name, 'Dockerfile'), 'utf8'),
});
const DOCKER = existsSync('/usr/bin/docker') ? '/usr/bin/docker' : 'docker';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

const facts = (m: Awaited<ReturnType<typeof readImage>>) => ({
  sizes: m.layers.map((l) => l.size),
  lines: m.layers.map((l) => l.instruction?.line ?? null),
  final: m.finalBytes,
  dive: m.dive.wastedBytes,
  waste: m.waste.totalBytes,
});

describe.skipIf(!gate('image e2e (dockerd)', ['dockerd', DOCKER], true))(
  'Docker Engine source (real dockerd)',
  () => {
    let state: string;
    let host: string;
    beforeAll(async () => {
      state = await tempDir('da-dockerd-');
      const started = spawnSync(join(REPO, 'scripts/e2e/dockerd.sh'), ['start', state], { encoding: 'utf8' });
      if (started.status !== 0) throw new Error(`dockerd did not start: ${started.stderr}`);
      host = started.stdout.trim().replace(/^DOCKER_HOST=/, '');
      const load = spawnSync(DOCKER, ['load', '-q', '-i', fixture('insecure', 'docker-save.tar')], {
        env: { ...process.env, DOCKER_HOST: host },
        encoding: 'utf8',
      });
      if (load.status !== 0) throw new Error(`docker load failed: ${load.stderr}`);
    }, 180_000);
    afterAll(async () => {
      spawnSync(join(REPO, 'scripts/e2e/dockerd.sh'), ['stop', state]);
      await fs.rm(state, { recursive: true, force: true }).catch(() => {});
    }, 60_000);

    it('reads name:tag through the API socket, with the same facts as the saved archive', async () => {
      const fromDaemon = await readImage('localhost/demo-insecure:1', {
        env: { DOCKER_HOST: host },
        dockerfile: dockerfile('insecure'),
      });
      const fromArchive = await readImage(fixture('insecure', 'docker-save.tar'), {
        dockerfile: dockerfile('insecure'),
      });
      expect(fromDaemon.kind).toBe('daemon');
      expect(facts(fromDaemon)).toEqual(facts(fromArchive));
      await expect(readImage('localhost/absent:1', { env: { DOCKER_HOST: host } })).rejects.toThrow(
        /no image localhost\/absent:1 in the Docker Engine/,
      );
    }, 120_000);

    it('reads `docker save | dockaudit image -`', () => {
      const r = spawnSync(
        'sh',
        [
          '-c',
          `"${DOCKER}" save localhost/demo-insecure:1 | "${process.execPath}" --import tsx "${join(REPO, 'src/cli/main.ts')}" image - --format json --no-fail`,
        ],
        { env: { ...process.env, DOCKER_HOST: host }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
      );
      expect(r.status, r.stderr).toBe(0);
      const doc = JSON.parse(r.stdout) as { image: { layers: unknown[]; tags: string[] } };
      expect(doc.image.layers).toHaveLength(5);
      expect(doc.image.tags).toEqual(['localhost/demo-insecure:1']);
    }, 120_000);
  },
);

describe.skipIf(!gate('image e2e (registry)', ['docker-registry', 'skopeo', 'htpasswd', 'openssl']))(
  'registry source (real docker-registry)',
  () => {
    let dir: string;
    const children: ChildProcess[] = [];
    let plain: string;
    let authed: string;
    let tokened: string;

    let tokenServer: Server | null = null;
    const tokenRequests: string[] = [];

    /** A token service (RS256 JWT with the certificate in x5c, as distribution verifies them) on 127.0.0.1. */
    async function startTokenService(root: string): Promise<{ realm: string; cert: string }> {
      const key = join(root, 'token.key');
      const cert = join(root, 'token.crt');
      const r = spawnSync(
        'openssl',
        [
          'req',
          '-x509',
          '-newkey',
          'rsa:2048',
          '-nodes',
          '-keyout',
          key,
          '-out',
          cert,
          '-subj',
          '/CN=token',
          '-days',
          '1',
        ],
        {
          encoding: 'utf8',
        },
      );
      if (r.status !== 0) throw new Error(`openssl failed: ${r.stderr}`);
      const pem = await fs.readFile(cert, 'utf8');
      const der = pem.replace(/-----[A-Z ]+-----|\s/g, '');
      const privateKey = createPrivateKey(await fs.readFile(key));
      const b64 = (x: object) => Buffer.from(JSON.stringify(x)).toString('base64url');
      tokenServer = createHttpServer((req, res) => {
        const url = new URL(req.url ?? '/', 'http://x');
        tokenRequests.push(url.searchParams.get('scope') ?? '');
        if (req.headers.authorization !== `Basic ${Buffer.from('alice:s3cret').toString('base64')}`) {
          res.writeHead(401).end();
          return;
        }
        const now = Math.floor(Date.now() / 1000);
        const access = (url.searchParams.getAll('scope') ?? []).map((scope) => {
          const [type, name, actions] = scope.split(':');
          return { type, name, actions: (actions ?? '').split(',') };
        });
        const payload = b64({
          iss: 'dockaudit-test',
          sub: 'alice',
          aud: 'test-registry',
          exp: now + 300,
          nbf: now - 10,
          iat: now,
          jti: String(Math.random()),
          access,
        });
        const header = b64({ typ: 'JWT', alg: 'RS256', x5c: [der] });
        const signature = createSign('RSA-SHA256')
          .update(`${header}.${payload}`)
          .sign(privateKey)
          .toString('base64url');
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ token: `${header}.${payload}.${signature}` }));
      });
      const port = await freePort();
      await new Promise<void>((resolve) => tokenServer!.listen(port, '127.0.0.1', resolve));
      return { realm: `http://127.0.0.1:${port}/token`, cert };
    }

    async function startRegistry(name: string, auth: boolean | 'token'): Promise<string> {
      const port = await freePort();
      const root = join(dir, name);
      await fs.mkdir(join(root, 'data'), { recursive: true });
      let config = `version: 0.1\nlog:\n  level: error\n  accesslog:\n    disabled: true\nstorage:\n  filesystem:\n    rootdirectory: ${root}/data\nhttp:\n  addr: 127.0.0.1:${port}\n`;
      if (auth === 'token') {
        const token = await startTokenService(root);
        config += `auth:\n  token:\n    realm: ${token.realm}\n    service: test-registry\n    issuer: dockaudit-test\n    rootcertbundle: ${token.cert}\n`;
      } else if (auth) {
        const h = spawnSync('htpasswd', ['-Bbn', 'alice', 's3cret'], { encoding: 'utf8' });
        await fs.writeFile(join(root, 'htpasswd'), h.stdout);
        config += `auth:\n  htpasswd:\n    realm: test\n    path: ${root}/htpasswd\n`;
      }
      await fs.writeFile(join(root, 'config.yml'), config);
      const child = spawn('docker-registry', ['serve', join(root, 'config.yml')], { stdio: 'ignore' });
      children.push(child);
      for (let i = 0; i < 100; i++) {
        const r = await fetch(`http://127.0.0.1:${port}/v2/`).catch(() => null);
        if (r) return `127.0.0.1:${port}`;
        await new Promise((res) => setTimeout(res, 100));
      }
      throw new Error('docker-registry did not start');
    }

    /** skopeo copy, asynchronously: the token service answering it runs in this process. */
    async function push(source: string, target: string, extra: string[] = []): Promise<void> {
      const child = spawn(
        'skopeo',
        ['copy', '-q', '--dest-tls-verify=false', ...extra, source, `docker://${target}`],
        {
          stdio: ['ignore', 'ignore', 'pipe'],
        },
      );
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
      });
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      if (code !== 0) throw new Error(`skopeo copy failed: ${stderr}`);
    }

    beforeAll(async () => {
      dir = await tempDir('da-registry-');
      plain = await startRegistry('plain', false);
      authed = await startRegistry('authed', true);
      tokened = await startRegistry('tokened', 'token');
      await push(`oci:${fixture('waste', 'oci-zstd')}:1`, `${plain}/demo/waste:1`);
      await push(`oci:${fixture('multiarch', 'oci')}:1`, `${plain}/demo/multiarch:1`, ['--all']);
      await push(`oci:${fixture('multistage', 'oci')}:1`, `${authed}/demo/multistage:1`, [
        '--dest-creds',
        'alice:s3cret',
      ]);
      await push(`oci:${fixture('multistage', 'oci')}:1`, `${tokened}/demo/multistage:1`, [
        '--dest-creds',
        'alice:s3cret',
      ]);
    }, 180_000);
    afterAll(async () => {
      for (const c of children) c.kill('SIGTERM');
      tokenServer?.close();
      await fs.rm(dir, { recursive: true, force: true });
    });

    it('reads zstd layers from the registry with the same facts as the layout', async () => {
      const remote = await readImage(`registry://${plain}/demo/waste:1`, {
        insecure: true,
        dockerfile: dockerfile('waste'),
      });
      const local = await readImage(fixture('waste', 'oci-zstd'), { dockerfile: dockerfile('waste') });
      expect(remote.kind).toBe('registry');
      expect(remote.layers[1]!.compression).toBe('zstd');
      expect(facts(remote)).toEqual(facts(local));
    }, 120_000);

    it('chooses a platform of a pushed index', async () => {
      for (const arch of ['amd64', 'arm64']) {
        const m = await readImage(`registry://${plain}/demo/multiarch:1`, {
          insecure: true,
          platform: `linux/${arch}`,
        });
        expect(m.platform.architecture).toBe(arch);
      }
    });

    it('authenticates with basic credentials, and says so when they are missing', async () => {
      const env = { DOCKAUDIT_REGISTRY_USER: 'alice', DOCKAUDIT_REGISTRY_PASSWORD: 's3cret', HOME: dir };
      const m = await readImage(`registry://${authed}/demo/multistage:1`, { insecure: true, env });
      expect(m.layers).toHaveLength(4);
      await expect(
        readImage(`registry://${authed}/demo/multistage:1`, { insecure: true, env: { HOME: dir } }),
      ).rejects.toThrow(/the registry needs a user name and password/);
    }, 60_000);

    it('gets a bearer token from the token service the registry names, with the credentials', async () => {
      const env = { DOCKAUDIT_REGISTRY_USER: 'alice', DOCKAUDIT_REGISTRY_PASSWORD: 's3cret', HOME: dir };
      tokenRequests.length = 0;
      const m = await readImage(`registry://${tokened}/demo/multistage:1`, { insecure: true, env });
      expect(m.layers).toHaveLength(4);
      expect(tokenRequests).toEqual(['repository:demo/multistage:pull']);
      await expect(
        readImage(`registry://${tokened}/demo/multistage:1`, {
          insecure: true,
          env: { ...env, DOCKAUDIT_REGISTRY_PASSWORD: 'wrong' },
        }),
      ).rejects.toThrow(/the token service refused the credentials \(401\)/);
    }, 60_000);
  },
);
