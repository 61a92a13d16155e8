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

/** Rewrites every offset of freshly read scripts in place (script text coordinates → source). */
export function mapScriptOffsets(scripts: readonly ShellScript[], map: OffsetMapper): void {
  const seen = new Set<object>();
  const word = (w: ShellWord | null) => {
    if (!w || seen.has(w)) return;
    seen.add(w);
    w.start = map(w.start, false);
    w.end = map(w.end, true);
    for (const s of w.substitutions) node(s.root);
  };
  const redirects = (rs: ShellRedirect[]) => {
    for (const r of rs) {
      if (seen.has(r)) continue;
      seen.add(r);
      r.start = map(r.start, false);
      r.end = map(r.end, true);
      word(r.target);
      if (r.heredoc && r.heredoc.bodyStart >= 0) {
        r.heredoc.bodyStart = map(r.heredoc.bodyStart, false);
        r.heredoc.bodyEnd = map(r.heredoc.bodyEnd, true);
      }
    }
  };
  const node = (n: ShellNode) => {
    if (seen.has(n)) return;
    seen.add(n);
    n.start = map(n.start, false);
    n.end = map(n.end, true);
    switch (n.type) {
      case 'simple':
        for (const a of n.assignments) {
          a.start = map(a.start, false);
          a.end = map(a.end, true);
          word(a.value);
        }
        for (const w of n.words) word(w);
        redirects(n.redirects);
        break;
      case 'pipeline':
      case 'and-or':
      case 'list':
        for (const i of n.items) node(i);
        break;
      case 'subshell':
      case 'group':
        node(n.body);
        redirects(n.redirects);
        break;
      case 'if':
        for (const c of n.clauses) {
          node(c.condition);
          node(c.body);
        }
        if (n.elseBody) node(n.elseBody);
        redirects(n.redirects);
        break;
      case 'loop':
        for (const w of n.items) word(w);
        if (n.condition) node(n.condition);
        node(n.body);
        redirects(n.redirects);
        break;
      case 'case':
        word(n.subject);
        for (const a of n.arms) {
          for (const p of a.patterns) word(p);
          node(a.body);
        }
        redirects(n.redirects);
        break;
      case 'function':
        node(n.body);
        break;
    }
  };
  for (const script of scripts) node(script.root);
}

/** Reads a script and flattens it into commands, with every offset mapped through `map`. */
export function readShellCommands(
  text: string,
  map?: OffsetMapper,
): { script: ShellScript; commands: ShellCommand[] } {
  const script = parseShell(text);
  const state: FlattenState = { chain: 0, pipeline: 0, nested: [] };
  const commands: ShellCommand[] = [];
  walkList(script.root, baseContext(), commands, state);
  if (map) {
    mapScriptOffsets([script, ...state.nested], map);
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

interface Context {
  depth: number;
  inCondition: boolean;
  inSubshell: boolean;
  inLoop: boolean;
  inFunction: boolean;
  inSubstitution: boolean;
  background: boolean;
  opBefore: Operator | null;
  opAfter: Operator | null;
  chain: number;
  chainIndex: number;
  pipeline: { id: number; index: number; length: number } | null;
}

/** Flattens a script into its simple commands, each with its place (chain, pipeline, nesting) and wrappers resolved. */
export function flattenCommands(script: ShellScript): ShellCommand[] {
  const out: ShellCommand[] = [];
  walkList(script.root, baseContext(), out, { chain: 0, pipeline: 0, nested: [] });
  return out;
}

function baseContext(): Context {
  return {
    depth: 0,
    inCondition: false,
    inSubshell: false,
    inLoop: false,
    inFunction: false,
    inSubstitution: false,
    background: false,
    opBefore: null,
    opAfter: null,
    chain: 0,
    chainIndex: 0,
    pipeline: null,
  };
}

function walkList(list: ListNode, ctx: Context, out: ShellCommand[], ids: FlattenState): void {
  for (let i = 0; i < list.items.length; i++) {
    const sep = list.separators[i] ?? null;
    const prev = i > 0 ? (list.separators[i - 1] ?? null) : null;
    walk(
      list.items[i]!,
      {
        ...ctx,
        background: ctx.background || sep === '&',
        opBefore: i === 0 ? ctx.opBefore : prev,
        opAfter: i === list.items.length - 1 && sep === null ? ctx.opAfter : sep,
        chain: ++ids.chain,
        chainIndex: 0,
        pipeline: null,
      },
      out,
      ids,
    );
  }
}

function walk(node: ShellNode, ctx: Context, out: ShellCommand[], ids: FlattenState): void {
  const inner = { ...ctx, depth: ctx.depth + 1, opBefore: null, opAfter: null };
  switch (node.type) {
    case 'simple':
      emit(node, ctx, out, ids);
      return;
    case 'and-or': {
      const chain = ++ids.chain;
      node.items.forEach((item, k) => {
        walk(
          item,
          {
            ...ctx,
            chain,
            chainIndex: k,
            opBefore: k === 0 ? ctx.opBefore : node.ops[k - 1]!,
            opAfter: k === node.items.length - 1 ? ctx.opAfter : node.ops[k]!,
          },
          out,
          ids,
        );
      });
      return;
    }
    case 'pipeline': {
      const id = ++ids.pipeline;
      node.items.forEach((item, k) => {
        walk(
          item,
          {
            ...ctx,
            opBefore: k === 0 ? ctx.opBefore : '|',
            opAfter: k === node.items.length - 1 ? ctx.opAfter : '|',
            pipeline: { id, index: k, length: node.items.length },
          },
          out,
          ids,
        );
      });
      return;
    }
    case 'list':
      walkList(node, ctx, out, ids);
      return;
    case 'subshell':
    case 'group':
      walkList(node.body, { ...inner, inSubshell: ctx.inSubshell || node.type === 'subshell' }, out, ids);
      return;
    case 'if':
      for (const c of node.clauses) {
        walkList(c.condition, { ...inner, inCondition: true }, out, ids);
        walkList(c.body, inner, out, ids);
      }
      if (node.elseBody) walkList(node.elseBody, inner, out, ids);
      return;
    case 'loop':
      for (const w of node.items) substitutions(w, inner, out, ids);
      if (node.condition) walkList(node.condition, { ...inner, inCondition: true, inLoop: true }, out, ids);
      walkList(node.body, { ...inner, inLoop: true }, out, ids);
      return;
    case 'case':
      if (node.subject) substitutions(node.subject, inner, out, ids);
      for (const a of node.arms) walkList(a.body, inner, out, ids);
      return;
    case 'function':
      walk(node.body, { ...inner, inFunction: true }, out, ids);
      return;
  }
}

function substitutions(w: ShellWord, ctx: Context, out: ShellCommand[], ids: FlattenState): void {
  for (const s of w.substitutions)
    walkList(
      s.root,
      { ...ctx, depth: ctx.depth + 1, inSubstitution: true, opBefore: null, opAfter: null },
      out,
      ids,
    );
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

/** Options that take a value, per wrapper program. */
const WRAPPERS: Record<string, { valueOptions: string; longValue?: string[]; positional?: number }> = {
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
  const spec = WRAPPERS[program];
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
  const inner: ShellCommand = {
    ...cmd,
    name,
    program: programOf(name),
    words,
    args: words.slice(1),
    assignments: [],
    redirects: cmd.redirects,
    start: words[0]!.start,
    via: cmd,
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
  walkList(script.root, baseContext(), nested, ids);
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
    baseContext(),
    out,
    state,
  );
  return out;
}
