import type { LineIndex, Span } from '../core/positions.js';
import type { DockerfileAnalysis } from '../dockerfile/analysis.js';

/**
 * The compose model. Every node keeps a `Span` in one *project-wide* offset space: each file read for a
 * project (compose files, override files, extended and included files) gets its own range of offsets
 * (`SourceFile.base`), so a node found anywhere after merging, `extends` or `include` still says exactly
 * which file, line and column it came from.
 */

export interface ScalarNode {
  kind: 'scalar';
  /** The value after interpolation (unresolved variables become empty, as Compose does). */
  value: string | number | boolean | null;
  span: Span;
  /** YAML tag as written (`!reset`, `!override`), if any. */
  tag?: string;
  /** Quoted in the source (`"…"` or `'…'`), or a block scalar. */
  quoted: boolean;
  /** Variables the value refers to that had neither a value nor a default: the value is not fully known. */
  unresolved?: string[];
  /** With unresolved variables: the value where each unresolved substitution is the NUL character. */
  masked?: string;
  /** Some substitution used its default (`${VAR:-default}`) because the variable had no value. */
  defaulted?: boolean;
  /** The string as written, when interpolation changed it. */
  template?: string;
}

export interface Pair {
  key: string;
  keySpan: Span;
  value: Node;
}

export interface MapNode {
  kind: 'map';
  pairs: Map<string, Pair>;
  span: Span;
  tag?: string;
}

export interface SeqNode {
  kind: 'seq';
  items: Node[];
  span: Span;
  tag?: string;
}

export type Node = ScalarNode | MapNode | SeqNode;

/** One file read for a project. */
export interface SourceFile {
  /** Path as shown in findings. */
  path: string;
  /** Absolute path, or the display path for sources given as text. */
  absPath: string;
  text: string;
  lines: LineIndex;
  /** Offset of the file's first character in the project's offset space. */
  base: number;
  /** Folder relative paths written in this file are resolved against. */
  baseDir: string;
  role: 'compose' | 'extends' | 'include';
  /** Comment offsets (project-wide) of `#` characters that start comments with pragmas. */
  pragmaComments: Array<{ offset: number; text: string; trailing: boolean }>;
  /** Ranges (project-wide) of every key/value pair and sequence item, for pragmas that target the next key. */
  entries: Span[];
}

/** A problem found while loading that does not stop the audit (rules report them). */
export interface LoadProblem {
  kind: 'invalid-interpolation' | 'legacy-format';
  span: Span;
  message: string;
}

export interface BuildInfo {
  node: Node;
  /** Absolute context folder; null when the context is remote (git, URL). */
  contextDir: string | null;
  /** Absolute Dockerfile path; null for `dockerfile_inline` or a remote context. */
  dockerfilePath: string | null;
  /** Display path of the Dockerfile. */
  dockerfileDisplay: string | null;
  target: string | null;
  /** The Dockerfile, parsed, when it could be read. */
  analysis: DockerfileAnalysis | null;
}

export interface Service {
  name: string;
  /** The service's name key where the service is first defined. */
  keySpan: Span;
  node: MapNode;
  profiles: string[];
  build: BuildInfo | null;
}

export interface ComposeProject {
  /** Display path of the first compose file. */
  path: string;
  /** Every file read, in reading order; `files[i].base` increases with i. */
  files: SourceFile[];
  /** The merged top-level mapping (after extends and include). */
  root: MapNode;
  /** Services selected by the active profiles (every service when no profile is given). */
  services: Service[];
  /** Every service, selected or not, by name. */
  allServices: Map<string, Service>;
  /** Top-level `version` keys of the compose files (one per file that has it). */
  versionKeys: Pair[];
  problems: LoadProblem[];
  /** The file has the legacy v1 layout (services at the top level, no `services:`). */
  legacy: boolean;
}

/** The value of a key of a mapping (null when the node is not a mapping or lacks the key). */
export function get(node: Node | null | undefined, key: string): Node | null {
  return node?.kind === 'map' ? (node.pairs.get(key)?.value ?? null) : null;
}

export function pairOf(node: Node | null | undefined, key: string): Pair | null {
  return node?.kind === 'map' ? (node.pairs.get(key) ?? null) : null;
}

/** Follows a path of keys through nested mappings. */
export function getPath(node: Node | null | undefined, ...keys: string[]): Node | null {
  let current: Node | null | undefined = node;
  for (const k of keys) current = get(current, k);
  return current ?? null;
}

/** A scalar's value as text (numbers and booleans as written by YAML), or null for other nodes and null. */
export function text(node: Node | null | undefined): string | null {
  if (node?.kind !== 'scalar' || node.value === null) return null;
  return String(node.value);
}

/** A scalar whose value does not depend on variables without a value. */
export function isKnown(node: Node | null | undefined): boolean {
  return node?.kind !== 'scalar' || !node.unresolved || node.unresolved.length === 0;
}

/** A scalar's text when fully known, else null. */
export function knownText(node: Node | null | undefined): string | null {
  return isKnown(node) ? text(node) : null;
}

const TRUE_WORDS = new Set(['true', 'yes', 'y', 'on', '1']);
const FALSE_WORDS = new Set(['false', 'no', 'n', 'off', '0']);

/** A boolean as Compose casts it (interpolated strings such as "true" or "yes" count); null when unknown. */
export function bool(node: Node | null | undefined): boolean | null {
  if (node?.kind !== 'scalar' || !isKnown(node)) return null;
  if (typeof node.value === 'boolean') return node.value;
  if (typeof node.value === 'string') {
    const v = node.value.trim().toLowerCase();
    if (TRUE_WORDS.has(v)) return true;
    if (FALSE_WORDS.has(v)) return false;
  }
  return null;
}

/** Items of a sequence; a lone scalar counts as a one-item list (Compose accepts both in many places). */
export function items(node: Node | null | undefined): Node[] {
  if (!node) return [];
  if (node.kind === 'seq') return node.items;
  if (node.kind === 'scalar' && node.value !== null) return [node];
  return [];
}

/** The source file that holds a project-wide offset. */
export function fileAt(
  project: { readonly files: readonly SourceFile[] },
  offset: number,
): SourceFile | null {
  const files = project.files;
  let lo = 0;
  let hi = files.length - 1;
  let found: SourceFile | null = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const f = files[mid]!;
    if (f.base <= offset) {
      found = f;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
