/** The files of a build context as the builder receives them (the .dockerignore applied), as a tar. */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pack } from 'tar-stream';
import { DockerignoreMatcher, parseDockerignore } from '../../context/dockerignore.js';
import { walkContext } from '../../context/walk.js';
import type { ContextFile } from './types.js';

/** Reads a context folder with an ignore file's text (or none), plus files laid over it. */
export function contextFiles(
  dir: string,
  ignoreText: string | null,
  overlay: ContextFile[] = [],
): ContextFile[] {
  const matcher = new DockerignoreMatcher(ignoreText ? parseDockerignore(ignoreText).patterns : []);
  const walk = walkContext(dir, matcher);
  const over = new Set(overlay.map((f) => f.path));
  const files: ContextFile[] = [];
  for (const e of walk.entries) {
    if (e.type !== 'file' || over.has(e.path)) continue;
    const abs = join(dir, e.path);
    files.push({ path: e.path, data: readFileSync(abs), mode: statSync(abs).mode & 0o777 });
  }
  return [...files, ...overlay];
}

/** A tar archive of the files (what POST /build expects). */
export async function tarOf(files: ContextFile[]): Promise<Buffer> {
  const archive = pack();
  const chunks: Buffer[] = [];
  archive.on('data', (c: unknown) => {
    chunks.push(c as Buffer);
  });
  const done = new Promise<void>((resolve, reject) => {
    archive.on('end', () => resolve());
    archive.on('error', reject);
  });
  for (const f of files)
    archive.entry({ name: f.path, mode: f.mode, size: f.data.length, mtime: new Date(0) }, f.data);
  archive.finalize();
  await done;
  return Buffer.concat(chunks);
}
