import type { DockerfileAnalysis } from '../../../dockerfile/analysis.js';
import type { Instruction } from '../../../dockerfile/model.js';
import type { ShellNode, ShellWord } from '../../../dockerfile/shell-ast.js';
import { expand, referencedNames, type Scope } from '../../../dockerfile/variables.js';

/**
 * Values of shell words with the ARG/ENV variables the Dockerfile defines substituted, so that
 * `apt-get install $PKGS` or `pip install "flask==${FLASK}"` can be judged. Shell variables are
 * expanded by the shell at build time from the instruction's environment, which is exactly the
 * ARG/ENV scope BuildKit tracks; names the script itself assigns, special parameters, command
 * substitutions and unknown values (an ARG without default, the base image's environment) leave
 * the word unknown.
 */
const cache = new WeakMap<Instruction, Set<string>>();

/** Variables a RUN script assigns itself (`X=1`, `export X=…`, `read X`): their values are not the Dockerfile's. */
export function scriptAssignedNames(model: DockerfileAnalysis, inst: Instruction): Set<string> {
  let names = cache.get(inst);
  if (names) return names;
  names = new Set<string>();
  const commands = model.commandsOf(inst);
  for (const script of commands?.scripts ?? []) collectAssigned(script.root, names);
  for (const c of commands?.commands ?? []) {
    for (const a of c.assignments) names.add(a.name);
    const p = c.program;
    if (p === 'export' || p === 'declare' || p === 'typeset' || p === 'local' || p === 'readonly') {
      for (const a of c.args) {
        const m = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(a.text);
        if (m) names.add(m[1]!);
      }
    } else if (p === 'read') {
      for (const a of c.args) if (a.value && /^[A-Za-z_]\w*$/.test(a.value)) names.add(a.value);
    }
  }
  cache.set(inst, names);
  return names;
}

const declaredCache = new WeakMap<DockerfileAnalysis, Set<string>>();

/** Every name an ARG or ENV of the file declares, in any stage. */
function declaredNames(model: DockerfileAnalysis): Set<string> {
  let names = declaredCache.get(model);
  if (names) return names;
  names = new Set<string>();
  for (const i of model.file.instructions) {
    if (i.keyword === 'ARG') for (const a of i.args) names.add(a.name);
    else if (i.keyword === 'ENV') for (const p of i.pairs) names.add(p.key);
  }
  declaredCache.set(model, names);
  return names;
}

/**
 * The scope a RUN script sees, read strictly: a name the file declares in another stage (or before the
 * first FROM without redeclaring it) is unset here, as BuildKit has it; other undeclared names may come
 * from the base image and stay unknown.
 */
const scopeCache = new WeakMap<Instruction, Scope>();

function runScope(model: DockerfileAnalysis, inst: Instruction): Scope {
  let scope = scopeCache.get(inst);
  if (!scope) scopeCache.set(inst, (scope = strictScope(model, inst)));
  return scope;
}

function strictScope(model: DockerfileAnalysis, inst: Instruction): Scope {
  const inner = model.scopeOf(inst);
  const declared = declaredNames(model);
  const preamble = (inst.onbuild ?? inst).stage < 0;
  return {
    open: false,
    has: (name) => inner.has(name),
    get: (name) => {
      const v = inner.get(name);
      if (v !== undefined) return v;
      if (preamble) return null;
      if (declared.has(name)) return undefined;
      return inner.open ? null : undefined;
    },
  };
}

/** Names a word uses that the file declares, but not in the scope of this instruction (so they are empty). */
export function outOfScopeNames(model: DockerfileAnalysis, inst: Instruction, word: ShellWord): string[] {
  if (!word.raw.includes('$') || (inst.onbuild ?? inst).stage < 0) return [];
  const scope = model.scopeOf(inst);
  const declared = declaredNames(model);
  const local = scriptAssignedNames(model, inst);
  return referencedNames(word.raw, '\\').filter(
    (n) => scope.get(n) === undefined && declared.has(n) && !local.has(n),
  );
}

/** Bare assignments (`P=b`, which no command holds) and loop variables of a script. */
function collectAssigned(node: ShellNode, names: Set<string>): void {
  switch (node.type) {
    case 'simple':
      for (const a of node.assignments) names.add(a.name);
      return;
    case 'pipeline':
    case 'and-or':
    case 'list':
      for (const i of node.items) collectAssigned(i, names);
      return;
    case 'subshell':
    case 'group':
      collectAssigned(node.body, names);
      return;
    case 'if':
      for (const c of node.clauses) {
        collectAssigned(c.condition, names);
        collectAssigned(c.body, names);
      }
      if (node.elseBody) collectAssigned(node.elseBody, names);
      return;
    case 'loop':
      if (node.variable) names.add(node.variable);
      if (node.condition) collectAssigned(node.condition, names);
      collectAssigned(node.body, names);
      return;
    case 'case':
      for (const a of node.arms) collectAssigned(a.body, names);
      return;
    case 'function':
      collectAssigned(node.body, names);
      return;
  }
}

const UNSUPPORTED = /\$[^A-Za-z_{]|\$\{[#!]|\$\{[A-Za-z_]\w*[^\w}:\-+?#%]|\$\(|`/;

/**
 * The fields a word expands to: one field for a literal or quoted word, whitespace-split fields for an
 * unquoted expansion; null when the value cannot be known.
 */
export function resolveWord(model: DockerfileAnalysis, inst: Instruction, word: ShellWord): string[] | null {
  if (word.value !== null) return [word.value];
  const raw = word.raw;
  if (UNSUPPORTED.test(raw)) return null;
  const local = scriptAssignedNames(model, inst);
  if (local.size > 0 && referencedNames(raw, '\\').some((n) => local.has(n))) return null;
  const e = expand(raw, runScope(model, inst), '\\');
  if (!e.complete) return null;
  if (word.quoted) return [e.value];
  return e.value.split(/[ \t\n]+/).filter((f) => f.length > 0);
}

/** A word's single value with variables substituted, or null when unknown or split into several fields. */
export function resolvedValue(model: DockerfileAnalysis, inst: Instruction, word: ShellWord): string | null {
  const fields = resolveWord(model, inst, word);
  return fields && fields.length === 1 ? fields[0]! : null;
}

const NO_WORDS: Set<ShellWord> = new Set();

/**
 * A command's argument words with known variables substituted. Words that come from an expansion are
 * new objects (listed in `expanded`) carrying the position of the word they came from; a word whose
 * value stays unknown is kept as is (value null).
 */
export function resolveArgs(
  model: DockerfileAnalysis,
  inst: Instruction,
  words: readonly ShellWord[],
): { words: ShellWord[]; expanded: Set<ShellWord>; unknown: boolean } {
  if (words.every((w) => w.value !== null))
    return { words: words as ShellWord[], expanded: NO_WORDS, unknown: false };
  const out: ShellWord[] = [];
  const expanded = new Set<ShellWord>();
  let unknown = false;
  for (const w of words) {
    if (w.value !== null) {
      out.push(w);
      continue;
    }
    const fields = resolveWord(model, inst, w);
    if (fields === null) {
      unknown = true;
      out.push(w);
      continue;
    }
    for (const f of fields) {
      const copy: ShellWord = { ...w, value: f, text: f };
      expanded.add(copy);
      out.push(copy);
    }
  }
  return { words: out, expanded, unknown };
}

/**
 * An ARG/ENV value seen by an instruction: undefined when unset, null when unknown. Instructions before
 * the first FROM (files with no FROM at all) read the ENV and ARG lines before them.
 */
export function envValue(
  model: DockerfileAnalysis,
  inst: Instruction,
  name: string,
): string | null | undefined {
  const at = inst.onbuild ?? inst;
  if (at.stage >= 0) return model.scopeOf(inst).get(name);
  let value: string | null | undefined;
  for (const i of model.file.preamble) {
    if (i.index >= at.index) break;
    if (i.keyword === 'ENV') for (const p of i.pairs) if (p.key === name) value = p.value;
    if (i.keyword === 'ARG') for (const a of i.args) if (a.name === name) value = a.value;
  }
  return value;
}
