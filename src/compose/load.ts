import { dirname, resolve as resolvePath } from 'node:path';
import type { InputError } from '../core/finding.js';
import type { Span } from '../core/positions.js';
import { dockerfileReader, resolveBuild } from './build.js';
import { parseDotenv } from './dotenv.js';
import { applyExtends } from './extends.js';
import { applyInclude } from './include.js';
import type { Lookup } from './interpolate.js';
import { interpolateTree } from './interpolate-node.js';
import { mergeTrees } from './merge.js';
import { type ComposeProject, items, type MapNode, type Service, type SourceFile, text } from './model.js';
import { emptyMap, normalizeRoot } from './normalize.js';
import { type ReadText, readTextFile, SourceSet } from './sources.js';

export interface LoadOptions {
  /** The environment variables interpolation sees first (default: `process.env`). */
  env?: Readonly<Record<string, string | undefined>>;
  /** Env files to read instead of `<project directory>/.env` (relative to `cwd`). */
  envFiles?: string[];
  /** Folder relative paths are resolved against (default: the first file's folder). */
  projectDir?: string;
  /** Active profiles; undefined selects every service ('*' too). */
  profiles?: string[];
  cwd?: string;
  readText?: ReadText;
  /** Texts of files that are not on disk (stdin, tests), by absolute path. */
  texts?: ReadonlyMap<string, string>;
}

export interface LoadResult {
  /** Null when no file could be read at all. */
  project: ComposeProject | null;
  errors: InputError[];
}

/**
 * Loads compose files as one application model, as `docker compose -f a -f b` does: per file, YAML is
 * read (anchors, merge keys), variables are interpolated (environment first, then `.env`), short forms
 * are expanded, `extends` and `include` are applied; then the files are merged in order.
 */
export async function loadComposeProject(paths: string[], options: LoadOptions = {}): Promise<LoadResult> {
  const cwd = options.cwd ?? process.cwd();
  const texts = options.texts;
  const readFromDisk = options.readText ?? readTextFile;
  const readText: ReadText = (abs) => {
    const t = texts?.get(abs);
    return t !== undefined ? Promise.resolve(t) : readFromDisk(abs);
  };
  const absPaths = paths.map((p) => resolvePath(cwd, p));
  const given = new Map(absPaths.map((abs, i) => [abs, paths[i]!] as const));
  const sources = new SourceSet(readText, cwd, given);
  const projectDir = options.projectDir ? resolvePath(cwd, options.projectDir) : dirname(absPaths[0] ?? cwd);

  const readEnvFile = async (abs: string): Promise<Map<string, string> | null> => {
    try {
      return parseDotenv(await readText(abs), lookupIn(options.env ?? process.env));
    } catch {
      return null;
    }
  };
  const dotenv = new Map<string, string>();
  const envPaths = options.envFiles?.map((p) => resolvePath(cwd, p)) ?? [resolvePath(projectDir, '.env')];
  for (const p of envPaths) {
    const vars = await readEnvFile(p);
    if (vars) for (const [k, v] of vars) dotenv.set(k, v);
    else if (options.envFiles)
      sources.errors.push({ file: sources.display(p), message: 'cannot read env file' });
  }
  const processEnv = lookupIn(options.env ?? process.env);
  const env: Lookup = (name) => processEnv(name) ?? dotenv.get(name);

  let legacy = false;
  const extendsRoots = new Map<string, Promise<MapNode | null>>();
  const prepare = (doc: MapNode, lookup: Lookup): MapNode => {
    const interpolated = interpolateTree(doc, lookup, sources.problems) as MapNode;
    const normalized = normalizeRoot(interpolated, sources.problems);
    if (normalized.legacy) legacy = true;
    return normalized.root;
  };

  const loadLayer = async (
    files: string[],
    lookup: Lookup,
    workingDir: string,
    role: SourceFile['role'],
    chain: string[],
    referencedAt?: Span,
  ): Promise<MapNode | null> => {
    let model: MapNode | null = null;
    const fileRoot = (abs: string, at: Span): Promise<MapNode | null> => {
      let p = extendsRoots.get(abs);
      if (!p) {
        p = sources.read(abs, 'extends', dirname(abs), at).then((parsed) => {
          if (!parsed) return null;
          let merged: MapNode | null = null;
          for (const doc of parsed.documents)
            if (doc?.kind === 'map') merged = mergeTrees(merged, prepare(doc, lookup)) as MapNode;
          return merged;
        });
        extendsRoots.set(abs, p);
      }
      return p;
    };
    for (const abs of files) {
      const parsed = await sources.read(abs, role, workingDir, referencedAt);
      if (!parsed) continue;
      const docs = parsed.documents.filter((d) => d !== null);
      if (docs.length === 0) {
        sources.errors.push({ file: parsed.source.path, line: 1, column: 1, message: 'empty compose file' });
        continue;
      }
      for (const doc of docs) {
        if (doc.kind !== 'map') {
          sources.errorAt(doc.span, 'a compose file must be a mapping at the top level');
          continue;
        }
        const version = doc.pairs.get('version');
        if (version) sources.versionKeys.push(version);
        let root = prepare(doc, lookup);
        root = await applyExtends(root, abs, { sources, fileRoot });
        root = await applyInclude(root, workingDir, includeContext(lookup), [...chain, abs]);
        model = mergeTrees(model, root) as MapNode;
      }
    }
    return model;
  };
  const includeContext = (lookup: Lookup) => ({
    sources,
    env: lookup,
    readEnvFile,
    loadLayer: (files: string[], l: Lookup, dir: string, chain: string[], at: Span) =>
      loadLayer(files, l, dir, 'include', chain, at),
  });

  const model = await loadLayer(absPaths, env, projectDir, 'compose', []);
  if (sources.files.length === 0) return { project: null, errors: sources.errors };
  const root = model ?? emptyMap({ start: 0, end: 0 });
  const display = (abs: string) => sources.display(abs);
  const readDockerfile = dockerfileReader(readText, display);
  const allServices = new Map<string, Service>();
  const servicesNode = root.pairs.get('services')?.value;
  if (servicesNode?.kind === 'map') {
    for (const [name, p] of servicesNode.pairs) {
      const node = p.value.kind === 'map' ? p.value : emptyMap(p.value.span);
      const build = node.pairs.get('build')?.value;
      allServices.set(name, {
        name,
        keySpan: p.keySpan,
        node,
        profiles: items(node.pairs.get('profiles')?.value)
          .map((n) => text(n))
          .filter((s): s is string => Boolean(s)),
        build:
          build?.kind === 'map'
            ? await resolveBuild(build, sources.files, projectDir, readDockerfile, display)
            : null,
      });
    }
  }
  const project: ComposeProject = {
    path: sources.files[0]!.path,
    files: sources.files,
    root,
    services: [...allServices.values()].filter((s) => isSelected(s, options.profiles)),
    allServices,
    versionKeys: sources.versionKeys,
    problems: sources.problems,
    legacy,
  };
  return { project, errors: sources.errors };
}

function lookupIn(env: Readonly<Record<string, string | undefined>>): Lookup {
  return (name) => (Object.hasOwn(env, name) ? env[name] : undefined);
}

/** Compose's profile selection: services without profiles always run; '*' enables every profile. */
export function isSelected(service: Service, active: string[] | undefined): boolean {
  if (active === undefined || active.includes('*')) return true;
  if (service.profiles.length === 0) return true;
  return service.profiles.some((p) => active.includes(p));
}
