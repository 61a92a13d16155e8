import { promises as fs } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { InputError } from '../core/finding.js';
import { describeIoError } from '../engine/lint-files.js';

/** Compose's own file names, in its order of preference. */
export const COMPOSE_FILE_NAMES = [
  'compose.yaml',
  'compose.yml',
  'docker-compose.yml',
  'docker-compose.yaml',
];
export const OVERRIDE_FILE_NAMES = [
  'compose.override.yml',
  'compose.override.yaml',
  'docker-compose.override.yml',
  'docker-compose.override.yaml',
];

const SKIP_DIRS = new Set([
  'node_modules',
  '.git',
  '.hg',
  '.svn',
  'vendor',
  '.venv',
  'venv',
  '__pycache__',
  'dist',
  '.tox',
]);

export interface DiscoveredProjects {
  /** Each project is a list of files merged in order (a compose file and its override file). */
  projects: string[][];
  errors: InputError[];
}

/** The project Compose would use in a folder: its compose file and, when present, its override file. */
export async function projectIn(dir: string, display = dir): Promise<string[] | null> {
  let names: Set<string>;
  try {
    names = new Set(await fs.readdir(dir));
  } catch {
    return null;
  }
  const main = COMPOSE_FILE_NAMES.find((n) => names.has(n));
  if (!main) return null;
  const override = OVERRIDE_FILE_NAMES.find((n) => names.has(n));
  return override ? [join(display, main), join(display, override)] : [join(display, main)];
}

/** Compose's lookup without arguments: the current folder, then each parent folder. */
export async function findProjectUpward(cwd: string): Promise<DiscoveredProjects> {
  let dir = resolve(cwd);
  for (;;) {
    const found = await projectIn(dir, dir === resolve(cwd) ? '.' : dir);
    if (found) return { projects: [found.map((f) => (f.startsWith('./') ? f.slice(2) : f))], errors: [] };
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return {
    projects: [],
    errors: [
      { file: cwd, message: `no compose file (${COMPOSE_FILE_NAMES.join(', ')}) here or in a parent folder` },
    ],
  };
}

/**
 * Projects named on the command line: a file is a project of its own; a folder is searched recursively
 * and every folder in it that holds a compose file is a project (with its override file).
 */
export async function discoverComposeProjects(
  paths: string[],
  cwd = process.cwd(),
): Promise<DiscoveredProjects> {
  if (paths.length === 0) return findProjectUpward(cwd);
  const out: DiscoveredProjects = { projects: [], errors: [] };
  const walk = async (dir: string): Promise<void> => {
    const found = await projectIn(resolve(cwd, dir), dir);
    if (found) out.projects.push(found);
    let entries: import('node:fs').Dirent[];
    try {
      entries = await fs.readdir(resolve(cwd, dir), { withFileTypes: true });
    } catch (error) {
      out.errors.push({ file: dir, message: describeIoError(error) });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const e of entries) if (e.isDirectory() && !SKIP_DIRS.has(e.name)) await walk(join(dir, e.name));
  };
  for (const path of paths) {
    let stat: import('node:fs').Stats;
    try {
      stat = await fs.stat(resolve(cwd, path));
    } catch (error) {
      out.errors.push({ file: path, message: describeIoError(error) });
      continue;
    }
    if (stat.isDirectory()) {
      const before = out.projects.length;
      await walk(path);
      if (out.projects.length === before)
        out.errors.push({
          file: path,
          message: `no compose file (${COMPOSE_FILE_NAMES.join(', ')}) in this folder`,
        });
    } else out.projects.push([path]);
  }
  return out;
}
