/**
 * Suppression comments.
 *
 * hadolint's, read with hadolint's own grammar so a file passes or fails exactly as it does with hadolint:
 * `# hadolint ignore=DL3008,DL3009` (the instruction on the next line), `# hadolint global ignore=…`
 * (the whole file), `# hadolint stage ignore=…` (the stage whose FROM is on the next line) and
 * `# hadolint shell=<shell>`. The keyword is lower-case, codes are made of `D L S C` and digits, commas
 * may have blanks around them, and only a `# comment` may follow; anything else and the comment is no
 * pragma at all (as in hadolint, `ignore=DL3008 because…` ignores nothing).
 *
 * dockaudit's own, more forgiving: `# dockaudit ignore=<id|code|alias>[,…] [reason]` (the next
 * instruction, blank and comment lines skipped), `# dockaudit global ignore=…`, `# dockaudit stage
 * ignore=…` (the stage whose FROM comes next) and `# dockaudit shell=…`.
 *
 * Comments inside a continued instruction are not pragmas: the builder drops them, and so does hadolint.
 */
export interface PragmaComment {
  /** Comment text after `#`. */
  text: string;
  /** 1-based line of the comment. */
  line: number;
  /** The comment sits inside a continued instruction. */
  inContinuation?: boolean;
}

export type PragmaKind = 'ignore' | 'global' | 'stage' | 'shell';

export interface Pragma {
  line: number;
  tool: 'hadolint' | 'dockaudit';
  kind: PragmaKind;
  keys: string[];
}

export interface Pragmas {
  global: Set<string>;
  /** hadolint line pragmas: rule keys ignored for the instruction starting on the given 1-based line. */
  byLine: Map<number, Set<string>>;
  /** dockaudit pragmas waiting for the next instruction: keyed by the comment's line. */
  nextInstruction: Map<number, Set<string>>;
  /** Stage pragmas, keyed by the comment's line; they apply when a FROM follows (see `tool`). */
  stage: Array<{ line: number; tool: 'hadolint' | 'dockaudit'; keys: Set<string> }>;
  shell: string | null;
  /** Every pragma comment, for rules that report them. */
  all: Pragma[];
}

const BLANK = '[ \\t]';
const HADOLINT_CODE = '[DLSC0-9]+';
const HADOLINT_IGNORE = new RegExp(
  `^${BLANK}*hadolint${BLANK}+(?:(global|stage)${BLANK}+)?ignore${BLANK}*=${BLANK}*` +
    `(${HADOLINT_CODE}(?:${BLANK}*,${BLANK}*${HADOLINT_CODE})*)${BLANK}*(?:#.*)?$`,
);
const HADOLINT_SHELL = new RegExp(
  `^${BLANK}*hadolint${BLANK}+shell${BLANK}*=${BLANK}*([^ \\t\\n]+)${BLANK}*(?:#.*)?$`,
);
const DOCKAUDIT_IGNORE =
  /^[ \t]*dockaudit[ \t]+(?:(global|stage)[ \t]+)?ignore[ \t]*=[ \t]*([\w.-]+(?:[ \t]*,[ \t]*[\w.-]+)*)(?:[ \t].*)?$/i;
const DOCKAUDIT_SHELL = /^[ \t]*dockaudit[ \t]+shell[ \t]*=[ \t]*([^ \t\n]+)(?:[ \t].*)?$/i;

/** Reads one comment as a pragma, or null. */
export function parsePragma(text: string, line: number): Pragma | null {
  let m = HADOLINT_IGNORE.exec(text);
  if (m) return { line, tool: 'hadolint', kind: kindOf(m[1]), keys: splitKeys(m[2]!) };
  m = HADOLINT_SHELL.exec(text);
  if (m) return { line, tool: 'hadolint', kind: 'shell', keys: [m[1]!] };
  m = DOCKAUDIT_IGNORE.exec(text);
  if (m) return { line, tool: 'dockaudit', kind: kindOf(m[1]), keys: splitKeys(m[2]!) };
  m = DOCKAUDIT_SHELL.exec(text);
  if (m) return { line, tool: 'dockaudit', kind: 'shell', keys: [m[1]!] };
  return null;
}

function kindOf(scope: string | undefined): PragmaKind {
  const s = scope?.toLowerCase();
  return s === 'global' ? 'global' : s === 'stage' ? 'stage' : 'ignore';
}

function splitKeys(list: string): string[] {
  return list
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean);
}

export function parsePragmas(comments: Iterable<PragmaComment>): Pragmas {
  const out: Pragmas = {
    global: new Set(),
    byLine: new Map(),
    nextInstruction: new Map(),
    stage: [],
    shell: null,
    all: [],
  };
  for (const c of comments) {
    if (c.inContinuation) continue;
    const p = parsePragma(c.text, c.line);
    if (!p) continue;
    out.all.push(p);
    switch (p.kind) {
      case 'shell':
        out.shell = p.keys[0] ?? null;
        break;
      case 'global':
        for (const k of p.keys) out.global.add(k);
        break;
      case 'stage':
        out.stage.push({ line: p.line, tool: p.tool, keys: new Set(p.keys) });
        break;
      default:
        addAll(
          p.tool === 'hadolint' ? out.byLine : out.nextInstruction,
          p.tool === 'hadolint' ? p.line + 1 : p.line,
          p.keys,
        );
    }
  }
  return out;
}

function addAll(map: Map<number, Set<string>>, line: number, keys: string[]): void {
  let set = map.get(line);
  if (!set) map.set(line, (set = new Set()));
  for (const k of keys) set.add(k);
}
