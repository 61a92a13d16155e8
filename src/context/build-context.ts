/**
 * The build context model: a context folder, the ignore file Docker would use for a given Dockerfile,
 * and queries over what it sends. Lint rules (`lint --context DIR`) and the `context` command share it.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { EntryIndex } from './copy.js';
import {
  DockerignoreMatcher,
  type IgnoreFileError,
  type IgnorePattern,
  parseDockerignore,
} from './dockerignore.js';
import { type ContextEntry, type ContextWalk, type WalkOptions, walkContext } from './walk.js';

export interface IgnoreFileInfo {
  /** Absolute path of the ignore file used. */
  path: string;
  /** `dockerfile`: `<Dockerfile>.dockerignore` next to the Dockerfile, which takes precedence; `context`: `.dockerignore` at the context root. */
  kind: 'dockerfile' | 'context';
  text: string;
}

export interface BuildContextOptions {
  /** Dockerfile path (absolute, or relative to the current folder as with `docker build -f`). Default: `<dir>/Dockerfile`. */
  dockerfile?: string;
  walk?: WalkOptions;
  /** Use this ignore file instead of the one on disk (a proposal, to see the context as it would be). */
  ignoreFile?: IgnoreFileInfo;
  /**
   * Walks of contexts loaded before, reused when the same folder is sent with the same ignore file and
   * walk options: Dockerfiles that share a context walk it once.
   */
  walks?: Map<string, ContextWalk>;
}

export interface BuildContext {
  /** Absolute path of the context folder. */
  readonly root: string;
  /** Absolute path of the Dockerfile (whether or not it exists). */
  readonly dockerfile: string;
  /** The ignore file Docker uses, or null when there is none. */
  readonly ignoreFile: IgnoreFileInfo | null;
  readonly patterns: readonly IgnorePattern[];
  /** Invalid lines of the ignore file: Docker refuses to build with them. */
  readonly errors: readonly IgnoreFileError[];
  readonly matcher: DockerignoreMatcher;
  /** Whether an ignore file applies (a Dockerfile-specific one or the context's `.dockerignore`). */
  readonly hasDockerignore: boolean;
  /** Whether Docker sends a path (relative to the context) — it need not exist. */
  isSent(path: string): boolean;
  /** The ignore line that decides about a path, if any. */
  decidingPattern(path: string): IgnorePattern | null;
  /** What the context sends (walked once, on first use). */
  walk(): ContextWalk;
  /** Entries a COPY/ADD source names in the sent context (wildcards and variables already resolved by the caller). */
  copyMatches(source: string): ContextEntry[];
  /** Files a COPY/ADD source copies: the named files, or everything sent below named folders. */
  copiedFiles(source: string): ContextEntry[];
  /** The index over sent entries (for COPY plans). */
  index(): EntryIndex;
}

export class BuildContextError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
  }
}

/** Finds the ignore file BuildKit would use for a Dockerfile and context. */
export function findIgnoreFile(root: string, dockerfile: string): IgnoreFileInfo | null {
  const candidates: [string, IgnoreFileInfo['kind']][] = [
    [join(dirname(dockerfile), `${basename(dockerfile)}.dockerignore`), 'dockerfile'],
    [join(root, '.dockerignore'), 'context'],
  ];
  for (const [path, kind] of candidates) {
    if (!existsSync(path)) continue;
    try {
      return { path, kind, text: readFileSync(path, 'utf8') };
    } catch (error) {
      throw new BuildContextError(path, `cannot read ignore file: ${(error as Error).message}`);
    }
  }
  return null;
}

/** Loads a build context folder; throws BuildContextError when it is not a readable folder. */
/** The index of each walk: a pure function of its entries. */
const INDEXES = new WeakMap<ContextWalk, EntryIndex>();

export function loadBuildContext(dir: string, options: BuildContextOptions = {}): BuildContext {
  const root = resolve(dir);
  let isDir = false;
  try {
    isDir = statSync(root).isDirectory();
  } catch (error) {
    throw new BuildContextError(dir, `cannot read build context: ${(error as Error).message}`);
  }
  if (!isDir) throw new BuildContextError(dir, 'the build context is not a folder');
  const dockerfile = options.dockerfile ? resolve(options.dockerfile) : join(root, 'Dockerfile');
  const ignoreFile = options.ignoreFile ?? findIgnoreFile(root, dockerfile);
  const shownName = ignoreFile
    ? relative(process.cwd(), ignoreFile.path) || ignoreFile.path
    : '.dockerignore';
  const parsed = ignoreFile ? parseDockerignore(ignoreFile.text, shownName) : { patterns: [], errors: [] };
  const matcher = new DockerignoreMatcher(parsed.patterns);
  let walked: ContextWalk | null = null;
  let entryIndex: EntryIndex | null = null;
  const context: BuildContext = {
    root,
    dockerfile,
    ignoreFile,
    patterns: parsed.patterns,
    errors: parsed.errors,
    matcher,
    hasDockerignore: ignoreFile !== null,
    isSent: (path) => !matcher.isExcluded(path),
    decidingPattern: (path) => matcher.explain(path).pattern,
    walk() {
      if (walked) return walked;
      const key = options.walks
        ? [root, ignoreFile?.path ?? '', ignoreFile?.text ?? '', JSON.stringify(options.walk ?? {})].join(
            '\0',
          )
        : '';
      walked = options.walks?.get(key) ?? walkContext(root, matcher, options.walk);
      options.walks?.set(key, walked);
      return walked;
    },
    index() {
      if (entryIndex) return entryIndex;
      // A walk shared by several contexts (options.walks) shares its index too.
      const walk = context.walk();
      entryIndex = INDEXES.get(walk) ?? new EntryIndex(walk.entries);
      INDEXES.set(walk, entryIndex);
      return entryIndex;
    },
    copyMatches: (source) => context.index().resolve(source),
    copiedFiles(source) {
      const index = context.index();
      const seen = new Map<string, ContextEntry>();
      for (const e of index.resolve(source)) for (const f of index.filesUnder(e)) seen.set(f.path, f);
      return [...seen.values()];
    },
  };
  return context;
}
