// Image reading benchmark (run by hand, not in tests): dockaudit image on a generated multi-GB image,
// as an OCI layout (gzip layers) and as a docker save archive (uncompressed layers), against the limit
// of the same layers read by `gzip -dc | tar -t` (OCI) or `tar -xO | tar -t` (docker save), with peak RSS.
//
// Usage: npm run build && node bench/image-read.mjs [--gb 2] [--runs 3] [--dir .cache/bench-image]
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, promises as fs, statSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import tar from 'tar-stream';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : process.argv[i + 1];
};
const GB = Number(arg('gb', '2'));
const RUNS = Number(arg('runs', '3'));
const root = new URL('..', import.meta.url).pathname;
const dir = join(root, arg('dir', '.cache/bench-image'));
const LAYERS = 4;
const MiB = 1024 * 1024;

/** Text-like content (gzip ~3:1): words drawn from a small vocabulary, sliced from one pool. */
function makePool() {
  const words = Array.from({ length: 4096 }, () =>
    randomBytes(3 + (randomBytes(1)[0] % 6)).toString('base64url'),
  );
  const parts = [];
  let size = 0;
  while (size < 64 * MiB) {
    const w = words[(Math.random() * words.length) | 0];
    parts.push(w);
    size += w.length + 1;
  }
  return Buffer.from(parts.join(' '));
}

async function writeLayerTar(path, bytes, pool, seed) {
  const pack = tar.pack();
  const out = createWriteStream(path);
  const done = pipeline(pack, out);
  let written = 0;
  let i = 0;
  while (written < bytes) {
    // Mostly small files, a large one every 500.
    const size = i % 500 === 499 ? 48 * MiB : 1024 + ((i * 7919 + seed) % (64 * 1024));
    const offset = (i * 104729 + seed * 31) % (pool.length - size);
    await new Promise((resolve, reject) =>
      pack.entry(
        { name: `data/l${seed}/d${i % 97}/f${i}.txt`, mode: 0o644, mtime: new Date(0) },
        pool.subarray(offset, offset + size),
        (e) => (e ? reject(e) : resolve()),
      ),
    );
    written += size;
    i++;
  }
  pack.finalize();
  await done;
  return i;
}

async function sha256File(path) {
  const h = createHash('sha256');
  for await (const c of createReadStream(path, { highWaterMark: MiB })) h.update(c);
  return `sha256:${h.digest('hex')}`;
}

async function generate() {
  if (existsSync(join(dir, 'done'))) return;
  await fs.rm(dir, { recursive: true, force: true });
  await fs.mkdir(join(dir, 'oci/blobs/sha256'), { recursive: true });
  const pool = makePool();
  const layers = [];
  for (let l = 0; l < LAYERS; l++) {
    const tarPath = join(dir, `layer${l}.tar`);
    const files = await writeLayerTar(tarPath, (GB * 1024 * MiB) / LAYERS, pool, l);
    const gzPath = join(dir, `layer${l}.tar.gz`);
    await pipeline(
      createReadStream(tarPath, { highWaterMark: MiB }),
      createGzip({ level: 1 }),
      createWriteStream(gzPath),
    );
    const digest = await sha256File(gzPath);
    await fs.rename(gzPath, join(dir, 'oci/blobs/sha256', digest.slice(7)));
    layers.push({
      tarPath,
      files,
      diffId: await sha256File(tarPath),
      digest,
      size: statSync(join(dir, 'oci/blobs/sha256', digest.slice(7))).size,
    });
    console.error(`layer ${l}: ${files} files, ${statSync(tarPath).size} bytes`);
  }
  const config = Buffer.from(
    JSON.stringify({
      architecture: 'amd64',
      os: 'linux',
      config: { User: '1000' },
      rootfs: { type: 'layers', diff_ids: layers.map((l) => l.diffId) },
      history: layers.map((_, i) => ({ created_by: `/bin/sh -c generate ${i}` })),
    }),
  );
  const configDigest = `sha256:${createHash('sha256').update(config).digest('hex')}`;
  await fs.writeFile(join(dir, 'oci/blobs/sha256', configDigest.slice(7)), config);
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: {
        mediaType: 'application/vnd.oci.image.config.v1+json',
        digest: configDigest,
        size: config.length,
      },
      layers: layers.map((l) => ({
        mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip',
        digest: l.digest,
        size: l.size,
      })),
    }),
  );
  const manifestDigest = `sha256:${createHash('sha256').update(manifest).digest('hex')}`;
  await fs.writeFile(join(dir, 'oci/blobs/sha256', manifestDigest.slice(7)), manifest);
  await fs.writeFile(
    join(dir, 'oci/index.json'),
    JSON.stringify({
      schemaVersion: 2,
      manifests: [
        {
          mediaType: 'application/vnd.oci.image.manifest.v1+json',
          digest: manifestDigest,
          size: manifest.length,
        },
      ],
    }),
  );
  await fs.writeFile(join(dir, 'oci/oci-layout'), '{"imageLayoutVersion":"1.0.0"}');
  // docker save layout: manifest.json, <config>.json, <n>/layer.tar (uncompressed).
  const pack = tar.pack();
  const done = pipeline(pack, createWriteStream(join(dir, 'docker-save.tar')));
  for (const [i, l] of layers.entries()) {
    const entry = pack.entry({ name: `${i}/layer.tar`, size: statSync(l.tarPath).size, mode: 0o644 });
    await pipeline(createReadStream(l.tarPath, { highWaterMark: MiB }), entry);
  }
  const configName = `${configDigest.slice(7)}.json`;
  pack.entry({ name: configName }, config);
  pack.entry(
    { name: 'manifest.json' },
    JSON.stringify([
      { Config: configName, RepoTags: ['bench/image:1'], Layers: layers.map((_, i) => `${i}/layer.tar`) },
    ]),
  );
  pack.finalize();
  await done;
  for (const l of layers) await fs.rm(l.tarPath);
  await fs.writeFile(join(dir, 'done'), '');
}

function timed(command, args) {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M %U %S', command, ...args], {
    encoding: 'utf8',
    maxBuffer: 256 * MiB,
  });
  if (r.status !== 0) throw new Error(`${command} failed: ${r.stderr}`);
  const [seconds, kb, user, sys] = r.stderr.trim().split('\n').pop().split(' ').map(Number);
  // CPU seconds (user + system, children included) stay meaningful when other work loads the machine.
  return { seconds, rssMB: Math.round(kb / 1024), cpu: user + sys };
}

await generate();
const blobs = JSON.parse(await fs.readFile(join(dir, 'oci/index.json'), 'utf8'));
const manifest = JSON.parse(
  await fs.readFile(join(dir, 'oci/blobs/sha256', blobs.manifests[0].digest.slice(7)), 'utf8'),
);
const blobPaths = manifest.layers.map((l) => join(dir, 'oci/blobs/sha256', l.digest.slice(7)));
const uncompressed = Number(
  execFileSync('sh', ['-c', `for b in ${blobPaths.join(' ')}; do gzip -dc "$b"; done | wc -c`])
    .toString()
    .trim(),
);
const cli = join(root, 'dist/cli.js');
const cases = [
  {
    name: 'OCI layout (gzip)',
    limit: ['sh', ['-c', `for b in ${blobPaths.join(' ')}; do gzip -dc "$b" | tar -t > /dev/null; done`]],
    ours: [
      process.execPath,
      [cli, 'image', join(dir, 'oci'), '--format', 'json', '--no-fail', '--no-progress', '-o', '/dev/null'],
    ],
  },
  {
    name: 'docker save (uncompressed)',
    limit: [
      'sh',
      [
        '-c',
        `for i in ${[...manifest.layers.keys()].join(' ')}; do tar -xOf "${dir}/docker-save.tar" "$i/layer.tar" | tar -t > /dev/null; done`,
      ],
    ],
    ours: [
      process.execPath,
      [
        cli,
        'image',
        join(dir, 'docker-save.tar'),
        '--format',
        'json',
        '--no-fail',
        '--no-progress',
        '-o',
        '/dev/null',
      ],
    ],
  },
];
console.log(
  `machine: ${execFileSync('nproc').toString().trim()} cores, load ${execFileSync('cat', ['/proc/loadavg']).toString().split(' ').slice(0, 3).join(' ')}`,
);
console.log(
  `image: ${LAYERS} layers, ${(uncompressed / 1e9).toFixed(2)} GB uncompressed, ${(blobPaths.reduce((a, p) => a + statSync(p).size, 0) / 1e9).toFixed(2)} GB gzip`,
);
for (const c of cases) {
  const limit = [];
  const ours = [];
  // Interleaved, so that both sides see the same machine load.
  for (let r = 0; r < RUNS; r++) {
    limit.push(timed(...c.limit));
    ours.push(timed(...c.ours));
  }
  const best = (xs) => xs.reduce((a, b) => (b.seconds < a.seconds ? b : a));
  const l = best(limit);
  const o = best(ours);
  const cpu = (xs) => Math.min(...xs.map((x) => x.cpu));
  const mbs = (s) => (uncompressed / 1e6 / s).toFixed(0);
  console.log(
    `${c.name}: limit ${l.seconds.toFixed(2)} s (${mbs(l.seconds)} MB/s), dockaudit ${o.seconds.toFixed(2)} s (${mbs(o.seconds)} MB/s, peak RSS ${o.rssMB} MB) = ${((l.seconds / o.seconds) * 100).toFixed(0)}% of the limit;` +
      ` CPU limit ${cpu(limit).toFixed(2)} s, dockaudit ${cpu(ours).toFixed(2)} s` +
      `   [wall, all runs: limit ${limit.map((x) => x.seconds).join(' ')} | ours ${ours.map((x) => x.seconds).join(' ')}]`,
  );
}
