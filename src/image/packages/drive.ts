/**
 * Runs analyzers over files without an image: over in-memory layers (tests, with whiteouts as the OCI
 * layer format defines them) or over a folder read as one layer (`dockaudit sbom --rootfs`). Images are
 * driven by the image reader, which owns the real layer filesystem; this is the same contract, small.
 */
import { createReadStream } from 'node:fs';
import { lstat, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Analyzer, ImageFilesystemView, LayerEntry, LayerInfo } from '../analyzer.js';

export interface MemoryFile {
  path: string;
  content?: Buffer | string;
  mode?: number;
  type?: LayerEntry['type'];
  linkname?: string;
}

export interface MemoryLayer {
  digest?: string;
  files: MemoryFile[];
}

function entryOf(file: MemoryFile, content: Buffer): LayerEntry {
  return {
    path: file.path,
    type: file.type ?? 'file',
    size: file.type && file.type !== 'file' ? 0 : content.length,
    mode: file.mode ?? 0o644,
    uid: 0,
    gid: 0,
    linkname: file.linkname ?? null,
    mtime: null,
  };
}

async function* chunksOf(content: Buffer, size = 64 * 1024): AsyncIterable<Buffer> {
  for (let i = 0; i < content.length; i += size) yield content.subarray(i, i + size);
}

async function deliver<R>(
  analyzer: Analyzer<R>,
  entry: LayerEntry,
  layer: LayerInfo,
  content: () => Promise<Buffer>,
  stream: () => AsyncIterable<Buffer>,
) {
  if (entry.type !== 'file' || !analyzer.wants(entry, layer)) return;
  if (analyzer.onStream) await analyzer.onStream(entry, stream(), layer);
  else if (entry.size <= analyzer.maxBytes) analyzer.onEntry(entry, await content(), layer);
}

/** Runs an analyzer over layers in order, applying `.wh.` whiteouts and opaque folders to the final view. */
export async function runOnLayers<R>(analyzer: Analyzer<R>, layers: readonly MemoryLayer[]): Promise<R> {
  const final = new Map<string, LayerEntry & { layer: number }>();
  for (let index = 0; index < layers.length; index++) {
    const layer = layers[index]!;
    const info: LayerInfo = { index, digest: layer.digest ?? `sha256:${String(index).padStart(64, '0')}` };
    for (const file of layer.files) {
      const slash = file.path.lastIndexOf('/');
      const dir = slash === -1 ? '' : file.path.slice(0, slash + 1);
      const base = file.path.slice(slash + 1);
      if (base === '.wh..wh..opq') {
        for (const path of [...final.keys()]) if (path.startsWith(dir)) final.delete(path);
        continue;
      }
      if (base.startsWith('.wh.')) {
        const gone = dir + base.slice(4);
        for (const path of [...final.keys()])
          if (path === gone || path.startsWith(`${gone}/`)) final.delete(path);
        continue;
      }
      const content = Buffer.from(file.content ?? '');
      const entry = entryOf(file, content);
      final.set(file.path, { ...entry, layer: index });
      await deliver(
        analyzer,
        entry,
        info,
        async () => content,
        () => chunksOf(content),
      );
    }
  }
  return analyzer.finish({ get: (path) => final.get(path) ?? null });
}

const SKIPPED_ROOTS = new Set(['proc', 'sys', 'dev']);

/** Runs an analyzer over a folder (a root filesystem) read as a single layer; symlinks are not followed. */
export async function runOnFolder<R>(analyzer: Analyzer<R>, root: string): Promise<R> {
  const info: LayerInfo = { index: 0, digest: '' };
  const seen = new Map<string, LayerEntry>();
  const walk = async (relative: string): Promise<void> => {
    const names = await readdir(join(root, relative));
    names.sort();
    for (const name of names) {
      const path = relative ? `${relative}/${name}` : name;
      if (!relative && SKIPPED_ROOTS.has(name)) continue;
      const full = join(root, path);
      const stat = await lstat(full);
      const type: LayerEntry['type'] = stat.isFile()
        ? 'file'
        : stat.isDirectory()
          ? 'dir'
          : stat.isSymbolicLink()
            ? 'symlink'
            : 'other';
      const entry: LayerEntry = {
        path,
        type,
        size: type === 'file' ? stat.size : 0,
        mode: stat.mode & 0o7777,
        uid: stat.uid,
        gid: stat.gid,
        linkname: null,
        mtime: stat.mtimeMs,
      };
      seen.set(path, entry);
      if (type === 'dir') await walk(path);
      else
        await deliver(
          analyzer,
          entry,
          info,
          () => readFile(full),
          () => createReadStream(full, { highWaterMark: 1024 * 1024 }),
        );
    }
  };
  await walk('');
  const view: ImageFilesystemView = {
    get(path) {
      const entry = seen.get(path);
      return entry ? { ...entry, layer: 0 } : null;
    },
  };
  return analyzer.finish(view);
}
