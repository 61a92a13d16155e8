import { dirname, resolve as resolvePath } from 'node:path';
import type { Span } from '../core/positions.js';
import type { Lookup } from './interpolate.js';
import { items, type MapNode, type Node, type Pair, text } from './model.js';
import type { SourceSet } from './sources.js';

export interface IncludeContext {
  sources: SourceSet;
  /** Variables of the including project (they win over the included project's `.env`). */
  env: Lookup;
  /** Reads an env file; null when it does not exist. */
  readEnvFile(absPath: string): Promise<Map<string, string> | null>;
  /** Loads compose files as one model (the same way as the project's own files). */
  loadLayer(
    paths: string[],
    env: Lookup,
    projectDir: string,
    chain: string[],
    referencedAt: Span,
  ): Promise<MapNode | null>;
}

const RESOURCES = ['services', 'networks', 'volumes', 'secrets', 'configs'];

/**
 * Applies top-level `include`: each entry is loaded as its own application model (paths relative to
 * its own project directory, variables from its `.env` or `env_file`, overridden by the including
 * project's variables) and its resources are copied in. A resource already defined is a conflict,
 * reported at the include entry; the local definition is kept.
 */
export async function applyInclude(
  root: MapNode,
  workingDir: string,
  ctx: IncludeContext,
  chain: string[],
): Promise<MapNode> {
  const include = root.pairs.get('include');
  if (!include) return root;
  const pairs = new Map(root.pairs);
  pairs.delete('include');
  for (const entry of items(include.value)) {
    const pathNode = entry.kind === 'map' ? entry.pairs.get('path')?.value : entry;
    const paths = items(pathNode)
      .map((n) => text(n))
      .filter((p): p is string => Boolean(p))
      .map((p) => resolvePath(workingDir, p));
    if (paths.length === 0) {
      ctx.sources.errorAt(entry.span, 'include: the entry names no compose file');
      continue;
    }
    const cycle = paths.find((p) => chain.includes(p));
    if (cycle) {
      ctx.sources.errorAt(
        entry.span,
        `include: ${ctx.sources.display(cycle)} includes itself through a cycle`,
      );
      continue;
    }
    const projectDirText = entry.kind === 'map' ? text(entry.pairs.get('project_directory')?.value) : null;
    const projectDir = projectDirText ? resolvePath(workingDir, projectDirText) : dirname(paths[0]!);
    const envFiles = entry.kind === 'map' ? items(entry.pairs.get('env_file')?.value) : [];
    const included = new Map<string, string>();
    const envPaths = envFiles.length
      ? envFiles
          .map((n) => text(n))
          .filter((p): p is string => Boolean(p))
          .map((p) => resolvePath(workingDir, p))
      : [resolvePath(projectDir, '.env')];
    for (const p of envPaths) {
      const vars = await ctx.readEnvFile(p);
      if (vars) for (const [k, v] of vars) included.set(k, v);
    }
    const env: Lookup = (name) => ctx.env(name) ?? included.get(name);
    const model = await ctx.loadLayer(paths, env, projectDir, [...chain, ...paths], entry.span);
    if (!model) continue;
    for (const kind of RESOURCES) copyResources(pairs, model, kind, entry, ctx);
  }
  return { ...root, pairs };
}

function copyResources(
  pairs: Map<string, Pair>,
  model: MapNode,
  kind: string,
  entry: Node,
  ctx: IncludeContext,
): void {
  const imported = model.pairs.get(kind)?.value;
  if (imported?.kind !== 'map' || imported.pairs.size === 0) return;
  const current = pairs.get(kind);
  const target: MapNode =
    current?.value.kind === 'map'
      ? { ...current.value, pairs: new Map(current.value.pairs) }
      : { kind: 'map', pairs: new Map(), span: imported.span };
  for (const [name, p] of imported.pairs) {
    if (target.pairs.has(name)) {
      ctx.sources.errorAt(entry.span, `include: ${kind} "${name}" is already defined in the including file`);
      continue;
    }
    target.pairs.set(name, p);
  }
  pairs.set(
    kind,
    current ? { ...current, value: target } : { key: kind, keySpan: imported.span, value: target },
  );
}
