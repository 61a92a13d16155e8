import { promises as fs } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Writes a file atomically: a temporary file in the same folder, fsync, then rename over the target.
 * The target's mode is kept when it exists. Readers see the old or the new content, never a mix.
 *
 * A symbolic link is followed (the file it points at is replaced, the link stays), and a target that is
 * not a regular file — `/dev/null`, `/dev/stdout`, a named pipe — is written in place: renaming over it
 * would replace the device or pipe with a regular file.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array, mode?: number): Promise<void> {
  let target = path;
  let keepMode = mode;
  try {
    target = await fs.realpath(path);
    const stat = await fs.stat(target);
    if (!stat.isFile()) {
      await fs.writeFile(target, data);
      return;
    }
    keepMode ??= stat.mode & 0o7777;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    target = path;
  }
  // node:crypto is loaded here, not with the module: it costs ~10 ms of every start, and lint never writes.
  const { randomBytes } = await import('node:crypto');
  const tmp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await fs.open(tmp, 'wx', keepMode ?? 0o644);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    if (keepMode !== undefined) await fs.chmod(tmp, keepMode);
    await fs.rename(tmp, target);
  } catch (error) {
    await fs.rm(tmp, { force: true });
    throw error;
  }
}
