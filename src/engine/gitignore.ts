import { promises as fs } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';

/** The rules of one `.gitignore`, which apply to paths below its folder. */
interface IgnoreFile {
  dir: string;
  rules: Ignore;
}

async function readIgnoreFile(dir: string): Promise<IgnoreFile | null> {
  let text: string;
  try {
    text = await fs.readFile(join(dir, '.gitignore'), 'utf8');
  } catch {
    return null;
  }
  return { dir, rules: ignore().add(text) };
}

async function exists(path: string): Promise<boolean> {
  try {
    await fs.lstat(path);
    return true;
  } catch {
    return false;
  }
}

/** The folder holding `.git` at or above `dir`, or null outside a repository. */
async function repositoryRoot(dir: string): Promise<string | null> {
  for (let current = dir; ; current = dirname(current)) {
    if (await exists(join(current, '.git'))) return current;
    if (dirname(current) === current) return null;
  }
}

/**
 * `.gitignore` rules as git applies them while a folder tree is walked: each file's patterns are relative to
 * its folder, a deeper file overrides a shallower one (including `!` re-inclusions), and inside a repository
 * the `.gitignore` files of the folders above the walk's start apply too. Outside a repository only the
 * files inside the walked tree count. A folder that is ignored is not entered, as git does not.
 */
export class GitignoreStack {
  private constructor(private readonly files: readonly IgnoreFile[]) {}

  /** The rules in force at the start of a walk from `dir` (its own `.gitignore` included). */
  static async forWalkRoot(dir: string): Promise<GitignoreStack> {
    const start = resolve(dir);
    const root = await repositoryRoot(start);
    const dirs: string[] = [];
    for (let current = start; ; current = dirname(current)) {
      dirs.unshift(current);
      if (current === root || root === null || dirname(current) === current) break;
    }
    const files: IgnoreFile[] = [];
    for (const d of dirs) {
      const file = await readIgnoreFile(d);
      if (file) files.push(file);
    }
    return new GitignoreStack(files);
  }

  /** The rules in force inside a subfolder (adds its `.gitignore`, if any). */
  async enter(dir: string): Promise<GitignoreStack> {
    const file = await readIgnoreFile(resolve(dir));
    return file ? new GitignoreStack([...this.files, file]) : this;
  }

  /** Whether a path below the walk's start is ignored; folders are tested as `name/` (for `build/` rules). */
  ignores(path: string, isDirectory: boolean): boolean {
    const absolute = resolve(path);
    for (let i = this.files.length - 1; i >= 0; i--) {
      const file = this.files[i]!;
      const rel = relative(file.dir, absolute);
      if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) continue;
      const result = file.rules.test(rel.split(sep).join('/') + (isDirectory ? '/' : ''));
      if (result.ignored) return true;
      if (result.unignored) return false;
    }
    return false;
  }
}
