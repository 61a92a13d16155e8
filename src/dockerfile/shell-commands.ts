import { parseShell } from './shell.js';
import type {
  ListNode,
  Operator,
  ShellCommand,
  ShellNode,
  ShellRedirect,
  ShellScript,
  ShellWord,
  SimpleCommandNode,
} from './shell-ast.js';

/** Maps a script offset to a source offset; `end` is true for exclusive end offsets. */
export type OffsetMapper = (offset: number, end: boolean) => number;

/**
 * Rewrites every offset of freshly read scripts in place (script text coordinates → source). The reader
 * never shares a node, word or redirect between two places of a tree, so each is mapped exactly once.
 */
export function mapScriptOffsets(scripts: readonly ShellScript[], map: OffsetMapper): void {
  for (const script of scripts) mapNode(script.root, map);
}

function mapWord(w: ShellWord | null, map: OffsetMapper): void {
  if (!w) return;
  w.start = map(w.start, false);
  w.end = map(w.end, true);
  const subs = w.substitutions;
  for (let i = 0; i < subs.length; i++) mapNode(subs[i]!.root, map);
}

function mapRedirects(rs: readonly ShellRedirect[], map: OffsetMapper): void {
  for (let i = 0; i < rs.length; i++) {
    const r = rs[i]!;
    r.start = map(r.start, false);
    r.end = map(r.end, true);
    mapWord(r.target, map);
    const h = r.heredoc;
    if (h && h.bodyStart >= 0) {
      h.bodyStart = map(h.bodyStart, false);
      h.bodyEnd = map(h.bodyEnd, true);
    }
  }
}

function mapNode(n: ShellNode, map: OffsetMapper): void {
  n.start = map(n.start, false);
  n.end = map(n.end, true);
  switch (n.type) {
    case 'simple':
      for (const a of n.assignments) {
        a.start = map(a.start, false);
        a.end = map(a.end, true);
        mapWord(a.value, map);
      }
      for (const w of n.words) mapWord(w, map);
      mapRedirects(n.redirects, map);
      break;
    case 'pipeline':
    case 'and-or':
    case 'list':
      for (const i of n.items) mapNode(i, map);
      break;
    case 'subshell':
    case 'group':
      mapNode(n.body, map);
      mapRedirects(n.redirects, map);
      break;
    case 'if':
      for (const c of n.clauses) {
        mapNode(c.condition, map);
        mapNode(c.body, map);
      }
      if (n.elseBody) mapNode(n.elseBody, map);
      mapRedirects(n.redirects, map);
      break;
    case 'loop':
      for (const w of n.items) mapWord(w, map);
      if (n.condition) mapNode(n.condition, map);
      mapNode(n.body, map);
      mapRedirects(n.redirects, map);
      break;
    case 'case':
      mapWord(n.subject, map);
      for (const a of n.arms) {
        for (const p of a.patterns) mapWord(p, map);
        mapNode(a.body, map);
      }
      mapRedirects(n.redirects, map);
      break;
    case 'function':
      mapNode(n.body, map);
      break;
  }
}

/** Reads a script and flattens it into commands, with every offset mapped through `map`. */
export function readShellCommands(
  text: string,
  map?: OffsetMapper,
): { script: ShellScript; commands: ShellCommand[] } {
  const script = parseShell(text);
  const state: FlattenState = { chain: 0, pipeline: 0, nested: [] };
  const commands: ShellCommand[] = [];
  walkList(script.root, BASE, commands, state);
  if (map) {
    mapNode(script.root, map);
    for (const nested of state.nested) mapNode(nested.root, map);
    for (const c of commands) {
      c.start = map(c.start, false);
      c.end = map(c.end, true);
    }
  }
  return { script, commands };
}

interface FlattenState {
  chain: number;
  pipeline: number;
  /** Scripts read from `sh -c` arguments (already in the outer script's coordinates). */
  nested: ShellScript[];
}

type PipelinePlace = { id: number; index: number; length: number };

/** Where a node sits: what each command read below it inherits. One class, so every context has one shape. */
class Context {
  constructor(
    readonly depth: number,
    readonly inCondition: boolean,
    readonly inSubshell: boolean,
    readonly inLoop: boolean,
    readonly inFunction: boolean,
    readonly inSubstitution: boolean,
    readonly background: boolean,
    readonly opBefore: Operator | null,
    readonly opAfter: Operator | null,
    readonly chain: number,
    readonly chainIndex: number,
    readonly pipeline: PipelinePlace | null,
  ) {}

  /** The context of a compound command's body: one level deeper, operators reset. */
  nested(inCondition: boolean, inSubshell: boolean, inLoop: boolean, inFunction: boolean): Context {
    return new Context(
      this.depth + 1,
      inCondition,
      inSubshell,
      inLoop,
      inFunction,
      this.inSubstitution,
      this.background,
      null,
      null,
      this.chain,
      this.chainIndex,
      this.pipeline,
    );
  }

  /** The same place with other operators around it (and-or items, pipeline items). */
  between(
    opBefore: Operator | null,
    opAfter: Operator | null,
    chain: number,
    chainIndex: number,
    pipeline: PipelinePlace | null,
  ): Context {
    return new Context(
      this.depth,
      this.inCondition,
      this.inSubshell,
      this.inLoop,
      this.inFunction,
      this.inSubstitution,
      this.background,
      opBefore,
      opAfter,
      chain,
      chainIndex,
      pipeline,
    );
  }
}

const BASE = new Context(0, false, false, false, false, false, false, null, null, 0, 0, null);

/** Flattens a script into its simple commands, each with its place (chain, pipeline, nesting) and wrappers resolved. */
export function flattenCommands(script: ShellScript): ShellCommand[] {
  const out: ShellCommand[] = [];
  walkList(script.root, BASE, out, { chain: 0, pipeline: 0, nested: [] });
  return out;
}

function walkList(list: ListNode, ctx: Context, out: ShellCommand[], ids: FlattenState): void {
  const items = list.items;
  const separators = list.separators;
  const last = items.length - 1;
  for (let i = 0; i <= last; i++) {
    const sep = separators[i] ?? null;
    const prev = i > 0 ? (separators[i - 1] ?? null) : null;
    walk(
      items[i]!,
      new Context(
        ctx.depth,
        ctx.inCondition,
        ctx.inSubshell,
        ctx.inLoop,
        ctx.inFunction,
        ctx.inSubstitution,
        ctx.background || sep === '&',
        i === 0 ? ctx.opBefore : prev,
        i === last && sep === null ? ctx.opAfter : sep,
        ++ids.chain,
        0,
        null,
      ),
      out,
      ids,
    );
  }
}

function walk(node: ShellNode, ctx: Context, out: ShellCommand[], ids: FlattenState): void {
  switch (node.type) {
    case 'simple':
      emit(node, ctx, out, ids);
      return;
    case 'and-or': {
      const chain = ++ids.chain;
      const items = node.items;
      const last = items.length - 1;
      for (let k = 0; k <= last; k++) {
        const before = k === 0 ? ctx.opBefore : node.ops[k - 1]!;
        const after = k === last ? ctx.opAfter : node.ops[k]!;
        walk(items[k]!, ctx.between(before, after, chain, k, ctx.pipeline), out, ids);
      }
      return;
    }
    case 'pipeline': {
      const id = ++ids.pipeline;
      const items = node.items;
      const last = items.length - 1;
      for (let k = 0; k <= last; k++) {
        const place = { id, index: k, length: items.length };
        const before = k === 0 ? ctx.opBefore : '|';
        const after = k === last ? ctx.opAfter : '|';
        walk(items[k]!, ctx.between(before, after, ctx.chain, ctx.chainIndex, place), out, ids);
      }
      return;
    }
    case 'list':
      walkList(node, ctx, out, ids);
      return;
    case 'subshell':
    case 'group': {
      const inSubshell = ctx.inSubshell || node.type === 'subshell';
      walkList(node.body, ctx.nested(ctx.inCondition, inSubshell, ctx.inLoop, ctx.inFunction), out, ids);
      return;
    }
    case 'if': {
      const inner = ctx.nested(ctx.inCondition, ctx.inSubshell, ctx.inLoop, ctx.inFunction);
      for (const c of node.clauses) {
        walkList(c.condition, ctx.nested(true, ctx.inSubshell, ctx.inLoop, ctx.inFunction), out, ids);
        walkList(c.body, inner, out, ids);
      }
      if (node.elseBody) walkList(node.elseBody, inner, out, ids);
      return;
    }
    case 'loop': {
      const inner = ctx.nested(ctx.inCondition, ctx.inSubshell, ctx.inLoop, ctx.inFunction);
      for (const w of node.items) substitutions(w, inner, out, ids);
      if (node.condition)
        walkList(node.condition, ctx.nested(true, ctx.inSubshell, true, ctx.inFunction), out, ids);
      walkList(node.body, ctx.nested(ctx.inCondition, ctx.inSubshell, true, ctx.inFunction), out, ids);
      return;
    }
    case 'case': {
      const inner = ctx.nested(ctx.inCondition, ctx.inSubshell, ctx.inLoop, ctx.inFunction);
      if (node.subject) substitutions(node.subject, inner, out, ids);
      for (const a of node.arms) walkList(a.body, inner, out, ids);
      return;
    }
    case 'function':
      walk(node.body, ctx.nested(ctx.inCondition, ctx.inSubshell, ctx.inLoop, true), out, ids);
      return;
  }
}

function substitutions(w: ShellWord, ctx: Context, out: ShellCommand[], ids: FlattenState): void {
  const subs = w.substitutions;
  if (subs.length === 0) return;
  const inner = new Context(
    ctx.depth + 1,
    ctx.inCondition,
    ctx.inSubshell,
    ctx.inLoop,
    ctx.inFunction,
    true,
    ctx.background,
    null,
    null,
    ctx.chain,
    ctx.chainIndex,
    ctx.pipeline,
  );
  for (const s of subs) walkList(s.root, inner, out, ids);
}

function programOf(name: string | null): string | null {
  if (name === null) return null;
  const slash = name.lastIndexOf('/');
  return slash === -1 ? name : name.slice(slash + 1);
}

function emit(node: SimpleCommandNode, ctx: Context, out: ShellCommand[], ids: FlattenState): void {
  for (const a of node.assignments) if (a.value) substitutions(a.value, ctx, out, ids);
  for (const w of node.words) substitutions(w, ctx, out, ids);
  for (const r of node.redirects) if (r.target) substitutions(r.target, ctx, out, ids);
  if (node.words.length === 0) return;
  const name = node.words[0]!.value;
  const cmd: ShellCommand = {
    name,
    program: programOf(name),
    words: node.words,
    args: node.words.slice(1),
    assignments: node.assignments,
    redirects: node.redirects,
    start: node.start,
    end: node.end,
    chain: ctx.chain,
    chainIndex: ctx.chainIndex,
    opBefore: ctx.opBefore,
    opAfter: ctx.opAfter,
    pipeline: ctx.pipeline ?? { id: ++ids.pipeline, index: 0, length: 1 },
    inCondition: ctx.inCondition,
    inSubshell: ctx.inSubshell,
    inLoop: ctx.inLoop,
    inFunction: ctx.inFunction,
    inSubstitution: ctx.inSubstitution,
    background: ctx.background,
    via: null,
    depth: ctx.depth,
  };
  out.push(cmd);
  unwrap(cmd, out, ids, 0);
}

interface WrapperSpec {
  valueOptions: string;
  longValue?: string[];
  positional?: number;
}

/** Options that take a value, per wrapper program. */
const WRAPPER_TABLE: Record<string, WrapperSpec> = {
  sudo: {
    valueOptions: 'ugCDhprtTU',
    longValue: ['user', 'group', 'chdir', 'host', 'prompt', 'role', 'type'],
  },
  doas: { valueOptions: 'uC' },
  env: { valueOptions: 'uCS', longValue: ['unset', 'chdir', 'split-string'] },
  xargs: {
    valueOptions: 'IiLlnPsdEea',
    longValue: [
      'max-args',
      'max-procs',
      'max-lines',
      'delimiter',
      'eof',
      'arg-file',
      'replace',
      'max-chars',
      'process-slot-var',
    ],
  },
  nice: { valueOptions: 'n', longValue: ['adjustment'] },
  ionice: { valueOptions: 'cnp', longValue: ['class', 'classdata', 'pid'] },
  nohup: { valueOptions: '' },
  time: { valueOptions: 'fo', longValue: ['format', 'output'] },
  exec: { valueOptions: 'a' },
  command: { valueOptions: '' },
  builtin: { valueOptions: '' },
  timeout: { valueOptions: 'sk', longValue: ['signal', 'kill-after'], positional: 1 },
  stdbuf: { valueOptions: 'ioe', longValue: ['input', 'output', 'error'] },
  gosu: { valueOptions: '', positional: 1 },
  'su-exec': { valueOptions: '', positional: 1 },
  chroot: { valueOptions: '', longValue: ['userspec', 'groups'], positional: 1 },
  eatmydata: { valueOptions: '' },
  unbuffer: { valueOptions: '' },
  chronic: { valueOptions: '' },
  tini: { valueOptions: 'pel' },
  'dumb-init': { valueOptions: '' },
  setpriv: { valueOptions: '', longValue: ['reuid', 'regid', 'groups', 'inh-caps', 'bounding-set'] },
  runuser: { valueOptions: 'ugGcs', longValue: ['user', 'group', 'supp-group', 'command', 'shell'] },
};
// A Map, so a command named like an Object.prototype member (`toString`) is no wrapper.
const WRAPPERS = new Map(Object.entries(WRAPPER_TABLE));

const SHELLS = new Set(['sh', 'bash', 'dash', 'ash', 'zsh', 'ksh', 'mksh']);

/** Adds the command a wrapper runs (sudo apt-get …, env X=1 make, sh -c '…') after the wrapper. */
function unwrap(cmd: ShellCommand, out: ShellCommand[], ids: FlattenState, level: number): void {
  const program = cmd.program;
  if (!program || level > 8) return;
  if (SHELLS.has(program) || (program === 'busybox' && cmd.args[0]?.value === 'sh')) {
    shellDashC(cmd, program === 'busybox' ? 1 : 0, out, ids, level);
    return;
  }
  if (program === 'su' || program === 'runuser') {
    const c = cmd.args.findIndex((a) => a.value === '-c' || a.value === '--command');
    if (c !== -1) {
      reparse(cmd, cmd.args[c + 1], out, ids, level);
      return;
    }
  }
  const spec = WRAPPERS.get(program);
  if (!spec) return;
  if (program === 'command' && cmd.args.some((a) => a.value === '-v' || a.value === '-V')) return;
  let i = 0;
  const args = cmd.args;
  let positional = spec.positional ?? 0;
  while (i < args.length) {
    const v = args[i]!.value;
    if (v === null) break;
    if (v === '--') {
      i++;
      break;
    }
    if (program === 'env' && /^[A-Za-z_][A-Za-z0-9_]*=/.test(v)) {
      i++;
      continue;
    }
    if (v.startsWith('--')) {
      const name = v.slice(2).split('=')[0]!;
      i += spec.longValue?.includes(name) && !v.includes('=') ? 2 : 1;
      continue;
    }
    if (v.startsWith('-') && v.length > 1 && !/^-\d/.test(v) === true) {
      const letters = v.slice(1);
      const takes = [...letters].findIndex((l) => spec.valueOptions.includes(l));
      i += takes !== -1 && takes === letters.length - 1 ? 2 : 1;
      continue;
    }
    if (program === 'nice' && /^-\d+$/.test(v)) {
      i++;
      continue;
    }
    if (positional > 0) {
      positional--;
      i++;
      continue;
    }
    break;
  }
  if (i >= args.length) return;
  const words = args.slice(i);
  const name = words[0]!.value;
  // Written out field by field (not spread) so every command has the same shape.
  const inner: ShellCommand = {
    name,
    program: programOf(name),
    words,
    args: words.slice(1),
    assignments: [],
    redirects: cmd.redirects,
    start: words[0]!.start,
    end: cmd.end,
    chain: cmd.chain,
    chainIndex: cmd.chainIndex,
    opBefore: cmd.opBefore,
    opAfter: cmd.opAfter,
    pipeline: cmd.pipeline,
    inCondition: cmd.inCondition,
    inSubshell: cmd.inSubshell,
    inLoop: cmd.inLoop,
    inFunction: cmd.inFunction,
    inSubstitution: cmd.inSubstitution,
    background: cmd.background,
    via: cmd,
    depth: cmd.depth,
  };
  out.push(inner);
  unwrap(inner, out, ids, level + 1);
}

/** `sh -c 'script'`: the script is read as shell too, its positions mapped into the quoted word. */
function shellDashC(
  cmd: ShellCommand,
  skip: number,
  out: ShellCommand[],
  ids: FlattenState,
  level: number,
): void {
  const args = cmd.args.slice(skip);
  for (let i = 0; i < args.length; i++) {
    const v = args[i]!.value;
    if (v === null) return;
    if (v === '-o' || v === '+o') {
      i++;
      continue;
    }
    if (/^[-+][a-zA-Z]+$/.test(v)) {
      // In a cluster such as -eo, -o takes the next word (pipefail) and -c the one after the options.
      const script = v.includes('c') ? i + 1 + (v.includes('o') ? 1 : 0) : -1;
      if (script !== -1) {
        reparse(cmd, args[script], out, ids, level);
        return;
      }
      if (v.includes('o')) i++;
      continue;
    }
    return;
  }
}

function reparse(
  cmd: ShellCommand,
  word: ShellWord | undefined,
  out: ShellCommand[],
  ids: FlattenState,
  level: number,
): void {
  if (!word) return;
  const text = word.text;
  const offsets = textOffsets(word);
  const script = parseShell(text);
  const toOuter: OffsetMapper = (offset, end) => {
    if (end) return offset <= 0 ? word.start : (offsets[offset - 1] ?? word.end - 1) + 1;
    return offsets[offset] ?? word.end;
  };
  // The nested script is brought into the outer script's coordinates; the caller maps both to the source.
  mapScriptOffsets([script], toOuter);
  ids.nested.push(script);
  const nested: ShellCommand[] = [];
  walkList(script.root, BASE, nested, ids);
  for (const n of nested) {
    if (!n.via) n.via = cmd;
    n.depth += cmd.depth + 1;
    n.inSubshell ||= cmd.inSubshell;
    n.inCondition ||= cmd.inCondition;
    n.inLoop ||= cmd.inLoop;
    n.inSubstitution ||= cmd.inSubstitution;
    n.background ||= cmd.background;
    out.push(n);
  }
  void level;
}

/**
 * Source offset of each character of a word's `text` (quotes and escapes removed, expansions kept).
 * When the word's text cannot be traced character by character, every offset points at the word's start.
 */
function textOffsets(word: ShellWord): number[] {
  const raw = word.raw;
  const offsets: number[] = [];
  // Before mapping, a word's raw text is a contiguous slice of its script.
  const at = (i: number) => word.start + i;
  let quote = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (quote === "'") {
      if (c === "'") quote = '';
      else offsets.push(at(i));
    } else if (quote === '"') {
      if (c === '"') quote = '';
      else if (c === '\\' && i + 1 < raw.length && '$`"\\'.includes(raw[i + 1]!)) offsets.push(at(++i));
      else if (c === '\\' && raw[i + 1] === '\n') i++;
      else offsets.push(at(i));
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '\\' && i + 1 < raw.length) {
      if (raw[i + 1] === '\n') i++;
      else offsets.push(at(++i));
    } else offsets.push(at(i));
  }
  if (offsets.length !== word.text.length) return word.text.split('').map(() => word.start);
  return offsets;
}

/** Commands of an exec-form instruction (`["sh", "-c", "…"]`): one command whose words are the JSON strings. */
export function execFormCommands(words: ShellWord[]): ShellCommand[] {
  if (words.length === 0) return [];
  const state: FlattenState = { chain: 0, pipeline: 0, nested: [] };
  const out: ShellCommand[] = [];
  const node: SimpleCommandNode = {
    type: 'simple',
    assignments: [],
    words,
    redirects: [],
    start: words[0]!.start,
    end: words[words.length - 1]!.end,
  };
  walkList(
    { type: 'list', items: [node], separators: [null], start: node.start, end: node.end },
    BASE,
    out,
    state,
  );
  return out;
}
