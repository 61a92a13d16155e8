/** Which stacks a folder holds (by its manifest files), and which folders look like separate services. */
import { type Dirent, readdirSync } from 'node:fs';
import { join } from 'node:path';

export type Stack = 'python' | 'node' | 'go' | 'java' | 'generic';

const MARKERS: Record<Exclude<Stack, 'generic'>, RegExp> = {
  python:
    /^(?:requirements[\w.-]*\.txt|pyproject\.toml|setup\.py|setup\.cfg|Pipfile|poetry\.lock|uv\.lock|manage\.py)$/,
  node: /^(?:package\.json)$/,
  go: /^(?:go\.mod)$/,
  java: /^(?:pom\.xml|build\.gradle(?:\.kts)?|settings\.gradle(?:\.kts)?|gradlew|mvnw)$/,
};

export const DOCKERFILE_NAME =
  /^(?:Dockerfile|Containerfile)(?:[._-].*)?$|\.(?:Dockerfile|dockerfile|containerfile)$/;

/** Folders never searched for services: dependencies, caches, version control. */
const NOT_A_SERVICE =
  /^(?:node_modules|\.git|\.venv|venv|__pycache__|target|build|dist|vendor|\.gradle|\.idea|\.vscode|\.cache|\.next|coverage)$/;

function list(dir: string): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}

/** The stack a file or folder name belongs to (a manifest, or a dependency or cache folder), if any. */
export function stackOfName(name: string, isDir: boolean): Exclude<Stack, 'generic'> | null {
  if (isDir) {
    if (name === 'node_modules') return 'node';
    if (name === '__pycache__' || name === '.venv' || name === 'venv') return 'python';
    if (name === '.gradle') return 'java';
    return null;
  }
  for (const s of Object.keys(MARKERS) as (keyof typeof MARKERS)[]) if (MARKERS[s].test(name)) return s;
  return null;
}

/** Orders stacks as `detectStacks` does, `generic` last. */
export function orderStacks(stacks: Iterable<Stack>): Stack[] {
  const set = new Set(stacks);
  return (['python', 'node', 'go', 'java'] as Stack[]).filter((s) => set.has(s)).concat('generic');
}

/** Stacks found in one folder (its own files, not its subfolders); `generic` is always last. */
export function detectStacks(dir: string): Stack[] {
  const names = list(dir)
    .filter((d) => d.isFile())
    .map((d) => d.name);
  const stacks = (Object.keys(MARKERS) as (keyof typeof MARKERS)[]).filter((s) =>
    names.some((n) => MARKERS[s].test(n)),
  );
  return [...stacks, 'generic'];
}

export interface ServiceDir {
  /** Slash-separated path relative to the context root. */
  path: string;
  /** Dockerfiles found directly in the folder. */
  dockerfiles: string[];
}

/** Folders below the root (up to `depth` levels) that hold their own Dockerfile: each can be a build context. */
export function findServiceDirs(root: string, depth = 2): ServiceDir[] {
  const out: ServiceDir[] = [];
  const visit = (rel: string, level: number) => {
    for (const d of list(rel === '' ? root : join(root, rel))) {
      if (!d.isDirectory() || NOT_A_SERVICE.test(d.name) || d.name.startsWith('.')) continue;
      const path = rel === '' ? d.name : `${rel}/${d.name}`;
      const dockerfiles = list(join(root, path))
        .filter((f) => f.isFile() && DOCKERFILE_NAME.test(f.name) && !f.name.endsWith('.dockerignore'))
        .map((f) => f.name)
        .sort();
      if (dockerfiles.length > 0) out.push({ path, dockerfiles });
      if (level < depth) visit(path, level + 1);
    }
  };
  visit('', 1);
  return out.sort((a, b) => (a.path < b.path ? -1 : 1));
}
