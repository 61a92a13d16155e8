import { promises as fs } from 'node:fs';
import { parseImageRef } from '../../core/image-ref.js';
import { describeError, ImageInputError } from '../errors.js';
import { resolveArchive } from './archive.js';
import { exportFromDaemon } from './daemon.js';
import { resolveRegistry } from './registry.js';
import { spoolToTemp } from './spool.js';
import { DirStore, TarStore } from './store.js';
import type { OpenOptions, ResolvedImage, SourceKind } from './types.js';

/** Prefixes that name a source's kind explicitly (as skopeo's transports do). */
const TRANSPORTS = ['docker-archive:', 'oci-archive:', 'oci:', 'docker-daemon:', 'daemon:'] as const;

async function openFile(
  path: string,
  source: string,
  options: OpenOptions,
  kindHint?: SourceKind,
): Promise<ResolvedImage> {
  let stat: import('node:fs').Stats;
  try {
    stat = await fs.stat(path);
  } catch (error) {
    throw new ImageInputError(source, `cannot read: ${describeError(error)}`);
  }
  if (stat.isDirectory()) {
    const store = new DirStore(path, source);
    return resolveArchive(store, 'oci-layout', options, async () => {});
  }
  // A compressed archive cannot be indexed in place: it is decompressed to a private temporary file.
  const handle = await fs.open(path, 'r');
  const head = Buffer.alloc(4);
  try {
    await handle.read(head, 0, 4, 0);
  } finally {
    await handle.close();
  }
  const compressed = (head[0] === 0x1f && head[1] === 0x8b) || head.readUInt32LE(0) === 0xfd2fb528;
  if (compressed) {
    const { createReadStream } = await import('node:fs');
    const spooled = await spoolToTemp(createReadStream(path), options.onSpool);
    return openSpooled(spooled, source, options, kindHint);
  }
  const store = await TarStore.open(path, source);
  const kind = kindHint ?? ((await store.has('manifest.json')) ? 'docker-archive' : 'oci-archive');
  return resolveArchive(store, kind, options, async () => {});
}

async function openSpooled(
  spooled: Awaited<ReturnType<typeof spoolToTemp>>,
  source: string,
  options: OpenOptions,
  kindHint?: SourceKind,
): Promise<ResolvedImage> {
  try {
    const store = await TarStore.open(spooled.path, source);
    const kind = kindHint ?? ((await store.has('manifest.json')) ? 'docker-archive' : 'oci-archive');
    return await resolveArchive(store, kind, options, spooled.cleanup);
  } catch (error) {
    await spooled.cleanup();
    throw error;
  }
}

async function openDaemon(reference: string, source: string, options: OpenOptions): Promise<ResolvedImage> {
  const stream = await exportFromDaemon(reference, options.env ?? process.env);
  const spooled = await spoolToTemp(stream, options.onSpool);
  const image = await openSpooled(spooled, source, options, 'daemon');
  return { ...image, reference };
}

/** True when a string can only be an image reference (not a path someone mistyped). */
function looksLikeReference(text: string): boolean {
  if (text.startsWith('.') || text.startsWith('/') || text.includes('\\') || text.endsWith('.tar'))
    return false;
  return parseImageRef(text) !== null && /^[a-z0-9]/.test(text);
}

/**
 * Opens an image source: `-` (a docker save or OCI archive on stdin), `registry://host/name:tag`, a path
 * to a docker save archive, an oci-archive or an OCI layout folder, an explicit `docker-archive:`,
 * `oci-archive:`, `oci:` or `docker-daemon:` prefix, or else a `name:tag` of the Docker Engine.
 */
export async function openSource(source: string, options: OpenOptions): Promise<ResolvedImage> {
  if (source === '-') {
    const spooled = await spoolToTemp(process.stdin, options.onSpool);
    return openSpooled(spooled, 'stdin', options);
  }
  if (source.startsWith('registry://')) return resolveRegistry(source, options);
  for (const t of TRANSPORTS) {
    if (!source.startsWith(t)) continue;
    const rest = source.slice(t.length);
    if (t === 'docker-daemon:' || t === 'daemon:') return openDaemon(rest, source, options);
    const kind: SourceKind =
      t === 'oci:' ? 'oci-layout' : t === 'oci-archive:' ? 'oci-archive' : 'docker-archive';
    return openFile(rest, source, options, kind);
  }
  try {
    await fs.access(source);
  } catch {
    if (looksLikeReference(source)) return openDaemon(source, source, options);
    throw new ImageInputError(source, 'no such file or folder');
  }
  return openFile(source, source, options);
}
