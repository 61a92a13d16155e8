/**
 * Everything dockaudit knows about one build context, computed once for the `context` command and the
 * context rules: what is sent, what each COPY/ADD takes, secret files and secrets, ignore-file lines
 * that only match at the root, and the proposed ignore files.
 */
import { existsSync, readdirSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { LineIndex } from '../core/positions.js';
import { DockerfileAnalysis } from '../dockerfile/analysis.js';
import { parseDockerfile } from '../dockerfile/parse.js';
import { type BuildContext, BuildContextError, loadBuildContext } from './build-context.js';
import { type CopyPlan, contextCopies, contextPath, planCopies } from './copy.js';
import type { IgnorePattern } from './dockerignore.js';
import { compilePattern, matchCompiled } from './go-pattern.js';
import { type IgnoreProposal, proposeDockerignore, readTextOrNull } from './propose.js';
import {
  type ContextSecret,
  type ContextSecretOptions,
  type ContextSecretScan,
  type SentSecretFile,
  scanContextSecrets,
} from './secrets.js';
import { findServiceDirs, type Stack, stackOfName } from './stacks.js';
import type { ContextWalk } from './walk.js';

export interface AnalyzeOptions extends ContextSecretOptions {
  dockerfile?: string;
  measureExcluded?: boolean;
  /**
   * Secret scans of contexts analyzed before, reused when the same folder is sent with the same ignore
   * file (the scan does not depend on the Dockerfile): an audit of many Dockerfiles sharing one context
   * reads its files once. Only share it between calls with the same secret options.
   */
  scans?: Map<string, ContextSecretScan>;
  /** Walks of contexts analyzed before (see BuildContextOptions.walks). */
  walks?: Map<string, ContextWalk>;
}

export interface LocatedDockerfile {
  /** Path shown in findings. */
  file: string;
  analysis: DockerfileAnalysis;
}

export interface LocatedIgnoreFile {
  file: string;
  kind: 'dockerfile' | 'context';
  text: string;
  lines: LineIndex;
  patterns: readonly IgnorePattern[];
}

export interface NotableDir {
  path: string;
  kind: 'vcs' | 'dependencies' | 'cache' | 'build-output';
  bytes: number;
  files: number;
  copiedBy: CopyPlan[];
}

export interface ProposalFile extends IgnoreProposal {
  /** Ignore file path relative to the context root (`.dockerignore`, `frontend/.dockerignore`). */
  path: string;
  /** Absolute path. */
  absolute: string;
  exists: boolean;
}

export interface ContextModel {
  context: BuildContext;
  /** Shows a context-relative path the way findings print it. */
  display(path: string): string;
  dockerfile: LocatedDockerfile | null;
  ignore: LocatedIgnoreFile | null;
  walk: ContextWalk;
  copies: CopyPlan[];
  secretFiles: (SentSecretFile & { copiedBy: CopyPlan[] })[];
  secrets: (ContextSecret & { copiedBy: CopyPlan[] })[];
  notableDirs: NotableDir[];
  /** COPY/ADD sources that match nothing the context sends: `ignored` when they exist but are excluded. */
  missingSources: { plan: CopyPlan; source: string; reason: 'ignored' | 'missing' }[];
  /** Ignore lines without `/` that match nothing at the root but would match deeper (`__pycache__`). */
  rootOnlyPatterns: { pattern: IgnorePattern; deeper: string[] }[];
  proposals: ProposalFile[];
}

const NOTABLE: Record<string, NotableDir['kind']> = {
  '.git': 'vcs',
  '.hg': 'vcs',
  '.svn': 'vcs',
  node_modules: 'dependencies',
  '.venv': 'dependencies',
  venv: 'dependencies',
  '.pnpm-store': 'dependencies',
  __pycache__: 'cache',
  '.pytest_cache': 'cache',
  '.mypy_cache': 'cache',
  '.gradle': 'cache',
  '.cache': 'cache',
  target: 'build-output',
};

function copiedByMap(copies: CopyPlan[]): Map<string, CopyPlan[]> {
  const map = new Map<string, CopyPlan[]>();
  for (const plan of copies)
    for (const source of plan.sources)
      for (const f of source.files) {
        let list = map.get(f.path);
        if (!list) map.set(f.path, (list = []));
        if (!list.includes(plan)) list.push(plan);
      }
  return map;
}

/** Sources of every context COPY/ADD of a Dockerfile text, variables substituted where known. */
function copySources(text: string, path: string): string[] {
  const analysis = new DockerfileAnalysis(parseDockerfile(text, path));
  const out: string[] = [];
  for (const inst of contextCopies(analysis))
    for (const w of inst.sources) {
      const e = analysis.expand(w, inst);
      if (e.complete && !w.value.startsWith('<<')) out.push(e.value);
    }
  return out;
}

function cachedScan(context: BuildContext, walk: ContextWalk, options: AnalyzeOptions): ContextSecretScan {
  if (!options.scans) return scanContextSecrets(context.root, walk.entries, options);
  const ignore = context.ignoreFile;
  const key = [context.root, ignore?.path ?? '', ignore?.text ?? ''].join('\0');
  let scan = options.scans.get(key);
  if (!scan) options.scans.set(key, (scan = scanContextSecrets(context.root, walk.entries, options)));
  return scan;
}

/** Analyzes a build context folder. Throws BuildContextError on unreadable input. */
export function analyzeContext(dir: string, options: AnalyzeOptions = {}): ContextModel {
  const context = loadBuildContext(dir, {
    dockerfile: options.dockerfile,
    walk: { measureExcluded: options.measureExcluded },
    ...(options.walks ? { walks: options.walks } : {}),
  });
  const display = (path: string) => (path === '.' ? dir : join(dir, path));
  // Files inside the context are shown under the folder as given; others relative to the current folder.
  const shown = (abs: string) => {
    const inside = relative(context.root, abs);
    return inside && !inside.startsWith('..') && !isAbsolute(inside)
      ? display(inside)
      : relative(process.cwd(), abs) || abs;
  };

  let dockerfile: LocatedDockerfile | null = null;
  if (existsSync(context.dockerfile)) {
    const text = readTextOrNull(context.dockerfile);
    if (text === null) throw new BuildContextError(context.dockerfile, 'cannot read the Dockerfile');
    const file = shown(context.dockerfile);
    dockerfile = { file, analysis: new DockerfileAnalysis(parseDockerfile(text, file)) };
  } else if (options.dockerfile) throw new BuildContextError(options.dockerfile, 'no such Dockerfile');

  const ignore: LocatedIgnoreFile | null = context.ignoreFile
    ? {
        file: shown(context.ignoreFile.path),
        kind: context.ignoreFile.kind,
        text: context.ignoreFile.text,
        lines: new LineIndex(context.ignoreFile.text),
        patterns: context.patterns,
      }
    : null;

  const walk = context.walk();
  const copies = dockerfile ? planCopies(dockerfile.analysis, context.index()) : [];
  const copied = copiedByMap(copies);
  const scan = cachedScan(context, walk, options);

  const notableDirs: NotableDir[] = [];
  for (const e of walk.entries) {
    if (e.type !== 'dir') continue;
    const name = e.path.slice(e.path.lastIndexOf('/') + 1);
    const kind = NOTABLE[name];
    if (!kind || notableDirs.some((n) => e.path.startsWith(`${n.path}/`))) continue;
    const files = context.index().filesUnder(e);
    const plans = new Set<CopyPlan>();
    for (const f of files) for (const p of copied.get(f.path) ?? []) plans.add(p);
    notableDirs.push({
      path: e.path,
      kind,
      bytes: files.reduce((n, f) => n + f.size, 0),
      files: files.length,
      copiedBy: [...plans],
    });
  }

  const missingSources: ContextModel['missingSources'] = [];
  for (const plan of copies)
    for (const s of plan.sources) {
      if (s.expanded === null || s.files.length > 0 || context.index().resolve(s.expanded).length > 0)
        continue;
      const path = contextPath(s.expanded);
      const onDisk = !/[*?[]/.test(path) && existsSync(join(context.root, path));
      missingSources.push({ plan, source: s.raw, reason: onDisk ? 'ignored' : 'missing' });
    }

  const rootOnlyPatterns: ContextModel['rootOnlyPatterns'] = [];
  const rootNames = context.patterns.length > 0 ? readdirSync(context.root) : [];
  for (const p of context.patterns) {
    if (p.exception || p.pattern.includes('/') || p.pattern.startsWith('**')) continue;
    const compiled = compilePattern(p.pattern);
    if (rootNames.some((name) => matchCompiled(compiled, name))) continue;
    const deeper = walk.entries
      .filter(
        (e) => e.path.includes('/') && matchCompiled(compiled, e.path.slice(e.path.lastIndexOf('/') + 1)),
      )
      .slice(0, 3)
      .map((e) => e.path);
    if (deeper.length > 0) rootOnlyPatterns.push({ pattern: p, deeper });
  }

  const secretPaths = scan.files.map((f) => f.path);
  const rootSources = dockerfile
    ? copies.flatMap((c) => c.sources.flatMap((s) => (s.expanded ? [s.expanded] : [])))
    : [];
  const proposals: ProposalFile[] = [];
  const moreStacks = new Set<Stack>();
  for (const e of walk.entries) {
    if (/(?:^|\/)node_modules\//.test(e.path)) continue;
    const s = stackOfName(e.path.slice(e.path.lastIndexOf('/') + 1), e.type === 'dir');
    if (s) moreStacks.add(s);
  }
  const rootProposal = proposeDockerignore({
    moreStacks: [...moreStacks],
    dir: context.root,
    dockerfiles: dockerfile
      ? [{ path: dockerfile.file, text: dockerfile.analysis.file.text, sources: rootSources }]
      : [],
    secretPaths,
  });
  const rootPath = join(context.root, '.dockerignore');
  proposals.push({
    ...rootProposal,
    path: '.dockerignore',
    absolute: rootPath,
    exists: existsSync(rootPath),
  });
  for (const service of findServiceDirs(context.root)) {
    const abs = join(context.root, service.path);
    const dockerfiles = service.dockerfiles.flatMap((name) => {
      const text = readTextOrNull(join(abs, name));
      return text === null
        ? []
        : [{ path: join(service.path, name), text, sources: copySources(text, name) }];
    });
    const prefix = `${service.path}/`;
    const proposal = proposeDockerignore({
      dir: abs,
      dockerfiles,
      secretPaths: secretPaths.filter((p) => p.startsWith(prefix)).map((p) => p.slice(prefix.length)),
    });
    const path = `${service.path}/.dockerignore`;
    proposals.push({
      ...proposal,
      path,
      absolute: join(abs, '.dockerignore'),
      exists: existsSync(join(abs, '.dockerignore')),
    });
  }

  return {
    context,
    display,
    dockerfile,
    ignore,
    walk,
    copies,
    secretFiles: scan.files.map((f) => ({ ...f, copiedBy: copied.get(f.path) ?? [] })),
    secrets: scan.secrets.map((s) => ({ ...s, copiedBy: copied.get(s.path) ?? [] })),
    notableDirs,
    missingSources,
    rootOnlyPatterns,
    proposals,
  };
}
