import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Writes a file atomically: a temporary file in the same folder, fsync, then rename over the target.
 * The target's mode is kept when it exists. Readers see the old or the new content, never a mix.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array, mode?: number): Promise<void> {
  let keepMode = mode;
  if (keepMode === undefined) {
    try {
      keepMode = (await fs.stat(path)).mode & 0o7777;
    } catch {
      keepMode = undefined;
    }
  }
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await fs.open(tmp, 'wx', keepMode ?? 0o644);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    if (keepMode !== undefined) await fs.chmod(tmp, keepMode);
    await fs.rename(tmp, path);
  } catch (error) {
    await fs.rm(tmp, { force: true });
    throw error;
  }
}
