/**
 * Suppression comments: `# hadolint ignore=DL3008,DL3009` (the instruction on the next line, as hadolint
 * does), `# dockaudit ignore=<id|code>[,…]` (the next instruction, blank and comment lines skipped),
 * `# hadolint global ignore=…` / `# dockaudit global ignore=…` (the whole file) and
 * `# hadolint shell=<shell>` (the shell RUN bodies are written in).
 */
export interface PragmaComment {
  /** Comment text after `#`. */
  text: string;
  /** 1-based line of the comment. */
  line: number;
}

export interface Pragmas {
  global: Set<string>;
  /** Rule keys ignored on the given 1-based line. */
  byLine: Map<number, Set<string>>;
  /** dockaudit pragmas waiting for the next instruction: keyed by the comment's line. */
  nextInstruction: Map<number, Set<string>>;
  shell: string | null;
  /** Every pragma comment, for rules that report them. */
  all: Array<{
    line: number;
    tool: 'hadolint' | 'dockaudit';
    kind: 'ignore' | 'global' | 'shell';
    keys: string[];
  }>;
}

const PRAGMA = /^(hadolint|dockaudit)\s+(global\s+)?(ignore|shell)\s*=\s*(.*)$/i;

export function parsePragmas(comments: Iterable<PragmaComment>): Pragmas {
  const out: Pragmas = {
    global: new Set(),
    byLine: new Map(),
    nextInstruction: new Map(),
    shell: null,
    all: [],
  };
  for (const c of comments) {
    const m = PRAGMA.exec(c.text.trim());
    if (!m) continue;
    const tool = m[1]!.toLowerCase() as 'hadolint' | 'dockaudit';
    const global = Boolean(m[2]);
    const kind = m[3]!.toLowerCase();
    const value = m[4]!.trim();
    if (kind === 'shell') {
      out.shell = value.split(/\s+/)[0] ?? null;
      out.all.push({ line: c.line, tool, kind: 'shell', keys: [value] });
      continue;
    }
    // hadolint stops the list at the first blank; keep reading comma-separated keys only.
    const keys = value
      .split(/\s+/)[0]!
      .split(',')
      .map((k) => k.trim())
      .filter(Boolean);
    out.all.push({ line: c.line, tool, kind: global ? 'global' : 'ignore', keys });
    if (global) {
      for (const k of keys) out.global.add(k);
    } else if (tool === 'hadolint') {
      addAll(out.byLine, c.line + 1, keys);
    } else {
      addAll(out.nextInstruction, c.line, keys);
    }
  }
  return out;
}

function addAll(map: Map<number, Set<string>>, line: number, keys: string[]): void {
  let set = map.get(line);
  if (!set) map.set(line, (set = new Set()));
  for (const k of keys) set.add(k);
}
