/**
 * A POSIX shell reader for what Dockerfiles hold (with the bash forms they commonly use): words with
 * quotes, escapes and expansions kept; `&& || ; & |`; subshells and groups; if/for/while/until/case;
 * functions; redirections; here-documents; command substitutions read as nested scripts.
 * It never throws: syntax errors are collected and reading goes on.
 */
import type {
  AndOrNode,
  CaseNode,
  GroupNode,
  IfNode,
  ListNode,
  LoopNode,
  PipelineNode,
  Separator,
  ShellAssignment,
  ShellNode,
  ShellRedirect,
  ShellScript,
  ShellSyntaxError,
  ShellWord,
  SimpleCommandNode,
} from './shell-ast.js';

const SPACE = 32;
const TAB = 9;
const NL = 10;
const CR = 13;
const BACKSLASH = 92;

/** Characters that end an unquoted word. */
function isMeta(c: number): boolean {
  return (
    c === SPACE ||
    c === TAB ||
    c === NL ||
    c === CR ||
    c === 59 /* ; */ ||
    c === 38 /* & */ ||
    c === 124 /* | */ ||
    c === 60 /* < */ ||
    c === 62 /* > */ ||
    c === 40 /* ( */ ||
    c === 41 /* ) */
  );
}

const RESERVED_END = new Set(['then', 'elif', 'else', 'fi', 'do', 'done', 'esac', '}']);
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*(?:\[[^\]]*\])?\+?=/;

/** Reads a shell script. `from`/`to` limit the region read (offsets stay those of `text`). */
export function parseShell(text: string, from = 0, to = text.length): ShellScript {
  const parser = new ShellParser(text, from, to, 0);
  const root = parser.parseList(null);
  // A stray closing word or parenthesis at top level: report it and read on.
  while (parser.pos < to) {
    parser.error(`unexpected "${text[parser.pos]}"`, parser.pos);
    parser.pos++;
    const more = parser.parseList(null);
    root.items.push(...more.items);
    root.separators.push(...more.separators);
    root.end = Math.max(root.end, more.end);
  }
  return { text, root, errors: parser.errors };
}

class ShellParser {
  pos: number;
  errors: ShellSyntaxError[];
  private pending: ShellRedirect[] = [];

  constructor(
    readonly text: string,
    from: number,
    readonly limit: number,
    readonly depth: number,
    errors?: ShellSyntaxError[],
  ) {
    this.pos = from;
    this.errors = errors ?? [];
  }

  error(message: string, offset: number): void {
    if (this.errors.length < 50) this.errors.push({ message, offset });
  }

  private code(at = this.pos): number {
    return at < this.limit ? this.text.charCodeAt(at) : -1;
  }

  private startsWith(s: string, at = this.pos): boolean {
    return at + s.length <= this.limit && this.text.startsWith(s, at);
  }

  /** Skips blanks, line continuations and comments; stops at newlines. */
  private skipBlanks(): void {
    for (;;) {
      const c = this.code();
      if (c === SPACE || c === TAB || c === CR) this.pos++;
      else if (c === BACKSLASH && this.code(this.pos + 1) === NL) this.pos += 2;
      else if (c === BACKSLASH && this.code(this.pos + 1) === CR && this.code(this.pos + 2) === NL)
        this.pos += 3;
      else if (c === 35 /* # */) {
        while (this.pos < this.limit && this.code() !== NL) this.pos++;
      } else return;
    }
  }

  /** Skips blanks and newlines (reading pending here-document bodies after each newline). */
  private skipNewlines(): void {
    for (;;) {
      this.skipBlanks();
      if (this.code() === NL) {
        this.pos++;
        this.readHeredocBodies();
      } else return;
    }
  }

  private readHeredocBodies(): void {
    while (this.pending.length > 0) {
      const r = this.pending.shift()!;
      const h = r.heredoc!;
      h.bodyStart = this.pos;
      let found = false;
      while (this.pos < this.limit) {
        let lineEnd = this.text.indexOf('\n', this.pos);
        if (lineEnd === -1 || lineEnd > this.limit) lineEnd = this.limit;
        let s = this.pos;
        if (h.stripTabs) while (s < lineEnd && this.text.charCodeAt(s) === TAB) s++;
        let e = lineEnd;
        if (e > s && this.text.charCodeAt(e - 1) === CR) e--;
        if (this.text.slice(s, e) === h.delimiter) {
          h.bodyEnd = this.pos;
          h.body = this.text.slice(h.bodyStart, h.bodyEnd);
          this.pos = Math.min(lineEnd + 1, this.limit);
          found = true;
          break;
        }
        this.pos = Math.min(lineEnd + 1, this.limit);
      }
      if (!found) {
        h.bodyEnd = this.pos;
        h.body = this.text.slice(h.bodyStart, h.bodyEnd);
        this.error(`here-document <<${h.delimiter} is not terminated`, r.start);
      }
    }
  }

  /** The unquoted literal word at the cursor, if the next token is one (for reserved words). */
  private peekLiteral(): string | null {
    let i = this.pos;
    while (i < this.limit) {
      const c = this.text.charCodeAt(i);
      if (isMeta(c)) break;
      if (c === 39 || c === 34 || c === BACKSLASH || c === 36 || c === 96) return null;
      i++;
    }
    return i > this.pos ? this.text.slice(this.pos, i) : null;
  }

  private atListEnd(closer: string | null): boolean {
    if (this.pos >= this.limit) return true;
    const c = this.code();
    if (c === 41 /* ) */) return true;
    if (c === 59 && this.code(this.pos + 1) === 59) return true; // ;; in case arms
    if (c === 59 && this.code(this.pos + 1) === 38) return true; // ;& in case arms
    const word = this.peekLiteral();
    if (word !== null && (RESERVED_END.has(word) || word === closer)) return true;
    return false;
  }

  parseList(closer: string | null): ListNode {
    const start = this.pos;
    const items: ShellNode[] = [];
    const separators: Array<Separator | null> = [];
    for (;;) {
      this.skipNewlines();
      if (this.atListEnd(closer)) break;
      const before = this.pos;
      const item = this.parseAndOr();
      this.skipBlanks();
      let sep: Separator | null = null;
      const c = this.code();
      const n = this.code(this.pos + 1);
      if (c === 59 /* ; */ && n !== 59 && n !== 38) {
        this.pos++;
        sep = ';';
      } else if (c === 38 /* & */ && n !== 38 && n !== 62) {
        this.pos++;
        sep = '&';
      } else if (c === NL) sep = '\n';
      if (item) {
        items.push(item);
        separators.push(sep);
      }
      if (sep === null && !this.atListEnd(closer) && this.pos < this.limit) {
        // Something no rule can read here: skip one character so reading always progresses.
        this.error(`unexpected "${this.text[this.pos]}"`, this.pos);
        if (this.pos === before || item) this.pos++;
      }
    }
    return { type: 'list', items, separators, start, end: Math.max(start, this.pos) };
  }

  private parseAndOr(): ShellNode | null {
    const first = this.parsePipeline();
    if (!first) return null;
    const items: ShellNode[] = [first];
    const ops: Array<'&&' | '||'> = [];
    for (;;) {
      this.skipBlanks();
      const op = this.startsWith('&&') ? '&&' : this.startsWith('||') ? '||' : null;
      if (!op) break;
      this.pos += 2;
      this.skipNewlines();
      const next = this.parsePipeline();
      if (!next) {
        this.error(`a command is missing after ${op}`, this.pos);
        break;
      }
      ops.push(op);
      items.push(next);
    }
    if (items.length === 1) return first;
    const node: AndOrNode = {
      type: 'and-or',
      items,
      ops,
      start: first.start,
      end: items[items.length - 1]!.end,
    };
    return node;
  }

  private parsePipeline(): ShellNode | null {
    this.skipBlanks();
    const start = this.pos;
    let negated = false;
    if (this.code() === 33 /* ! */ && isMeta(this.code(this.pos + 1))) {
      negated = true;
      this.pos++;
      this.skipBlanks();
    }
    const first = this.parseCommand();
    if (!first) return null;
    const items: ShellNode[] = [first];
    for (;;) {
      this.skipBlanks();
      if (this.code() !== 124 || this.code(this.pos + 1) === 124) break;
      this.pos += this.code(this.pos + 1) === 38 ? 2 : 1; // | or |&
      this.skipNewlines();
      const next = this.parseCommand();
      if (!next) {
        this.error('a command is missing after |', this.pos);
        break;
      }
      items.push(next);
    }
    if (items.length === 1 && !negated) return first;
    const node: PipelineNode = { type: 'pipeline', negated, items, start, end: items[items.length - 1]!.end };
    return node;
  }

  private parseCommand(): ShellNode | null {
    this.skipBlanks();
    const start = this.pos;
    const c = this.code();
    if (c === 40 /* ( */) {
      if (this.code(this.pos + 1) === 40 && this.isArithmetic()) return this.parseArithmeticCommand();
      this.pos++;
      const body = this.parseList(null);
      if (this.code() === 41) this.pos++;
      else this.error('missing ) to close the subshell', start);
      return this.withRedirects({ type: 'subshell', body, redirects: [], start, end: this.pos } as GroupNode);
    }
    const word = this.peekLiteral();
    switch (word) {
      case '{': {
        this.pos++;
        const body = this.parseList('}');
        if (this.peekLiteral() === '}') this.pos++;
        else this.error('missing } to close the group', start);
        return this.withRedirects({ type: 'group', body, redirects: [], start, end: this.pos } as GroupNode);
      }
      case 'if':
        return this.parseIf();
      case 'for':
      case 'select':
        return this.parseFor(word);
      case 'while':
      case 'until':
        return this.parseWhile(word);
      case 'case':
        return this.parseCase();
      case 'function':
        return this.parseFunctionKeyword();
      default:
        if (word !== null && RESERVED_END.has(word)) return null;
        return this.parseSimple();
    }
  }

  private withRedirects<T extends { redirects: ShellRedirect[]; end: number }>(node: T): T {
    for (;;) {
      this.skipBlanks();
      const r = this.tryRedirect();
      if (!r) break;
      node.redirects.push(r);
      node.end = r.end;
    }
    return node;
  }

  private expectWord(word: string, context: number): boolean {
    this.skipNewlines();
    if (this.peekLiteral() === word) {
      this.pos += word.length;
      return true;
    }
    this.error(`"${word}" expected`, context);
    return false;
  }

  private parseIf(): ShellNode {
    const start = this.pos;
    this.pos += 2;
    const clauses: IfNode['clauses'] = [];
    let elseBody: ListNode | null = null;
    for (;;) {
      const condition = this.parseList('then');
      this.expectWord('then', start);
      const body = this.parseList(null);
      clauses.push({ condition, body });
      this.skipNewlines();
      const w = this.peekLiteral();
      if (w === 'elif') {
        this.pos += 4;
        continue;
      }
      if (w === 'else') {
        this.pos += 4;
        elseBody = this.parseList(null);
      }
      break;
    }
    this.expectWord('fi', start);
    return this.withRedirects({
      type: 'if',
      clauses,
      elseBody,
      redirects: [],
      start,
      end: this.pos,
    } as IfNode);
  }

  private parseFor(keyword: 'for' | 'select'): ShellNode {
    const start = this.pos;
    this.pos += keyword.length;
    this.skipBlanks();
    let variable: string | null = null;
    const items: ShellWord[] = [];
    if (this.startsWith('((')) {
      this.skipBalanced('((', '))');
    } else {
      const name = this.readWord();
      variable = name?.value ?? name?.raw ?? null;
      this.skipNewlines();
      if (this.peekLiteral() === 'in') {
        this.pos += 2;
        for (;;) {
          this.skipBlanks();
          const c = this.code();
          if (c === -1 || c === 59 || c === NL) break;
          const w = this.readWord();
          if (!w) break;
          items.push(w);
        }
      }
    }
    this.skipBlanks();
    if (this.code() === 59) this.pos++;
    this.expectWord('do', start);
    const body = this.parseList(null);
    this.expectWord('done', start);
    const node: LoopNode = {
      type: 'loop',
      keyword,
      variable,
      items,
      condition: null,
      body,
      redirects: [],
      start,
      end: this.pos,
    };
    return this.withRedirects(node);
  }

  private parseWhile(keyword: 'while' | 'until'): ShellNode {
    const start = this.pos;
    this.pos += keyword.length;
    const condition = this.parseList('do');
    this.expectWord('do', start);
    const body = this.parseList(null);
    this.expectWord('done', start);
    const node: LoopNode = {
      type: 'loop',
      keyword,
      variable: null,
      items: [],
      condition,
      body,
      redirects: [],
      start,
      end: this.pos,
    };
    return this.withRedirects(node);
  }

  private parseCase(): ShellNode {
    const start = this.pos;
    this.pos += 4;
    this.skipBlanks();
    const subject = this.readWord();
    this.skipNewlines();
    if (this.peekLiteral() === 'in') this.pos += 2;
    else this.error('"in" expected after case', start);
    const arms: CaseNode['arms'] = [];
    for (;;) {
      this.skipNewlines();
      if (this.pos >= this.limit || this.peekLiteral() === 'esac') break;
      const armStart = this.pos;
      if (this.code() === 40) this.pos++;
      const patterns: ShellWord[] = [];
      for (;;) {
        this.skipBlanks();
        const w = this.readWord();
        if (w) patterns.push(w);
        this.skipBlanks();
        if (this.code() === 124) {
          this.pos++;
          continue;
        }
        break;
      }
      if (this.code() === 41) this.pos++;
      else {
        this.error(') expected after a case pattern', armStart);
        if (this.pos === armStart) this.pos++;
      }
      const body = this.parseList('esac');
      arms.push({ patterns, body });
      this.skipBlanks();
      if (this.startsWith(';;&')) this.pos += 3;
      else if (this.startsWith(';;') || this.startsWith(';&')) this.pos += 2;
    }
    this.expectWord('esac', start);
    const node: CaseNode = { type: 'case', subject, arms, redirects: [], start, end: this.pos };
    return this.withRedirects(node);
  }

  private parseFunctionKeyword(): ShellNode {
    const start = this.pos;
    this.pos += 8;
    this.skipBlanks();
    const name = this.readWord();
    this.skipBlanks();
    if (this.startsWith('()')) this.pos += 2;
    this.skipNewlines();
    const body = this.parseCommand();
    return {
      type: 'function',
      name: name?.text ?? '',
      body: body ?? emptyList(this.pos),
      start,
      end: this.pos,
    };
  }

  /** `((…))` is arithmetic only when the inner parenthesis closes right before the outer one. */
  private isArithmetic(): boolean {
    let depth = 0;
    for (let i = this.pos + 1; i < this.limit; i++) {
      const c = this.text.charCodeAt(i);
      if (c === 39 || c === 34) {
        const e = this.text.indexOf(String.fromCharCode(c), i + 1);
        if (e === -1) return false;
        i = e;
      } else if (c === 40) depth++;
      else if (c === 41) {
        depth--;
        if (depth === 0) return this.text.charCodeAt(i + 1) === 41;
      }
    }
    return false;
  }

  private parseArithmeticCommand(): ShellNode {
    const start = this.pos;
    this.skipBalanced('((', '))');
    const raw = this.text.slice(start, this.pos);
    const word: ShellWord = {
      raw,
      value: null,
      text: raw,
      start,
      end: this.pos,
      quoted: false,
      substitutions: [],
    };
    return { type: 'simple', assignments: [], words: [word], redirects: [], start, end: this.pos };
  }

  /** Skips a balanced region starting with `open` and ending with `close`, minding quotes. */
  private skipBalanced(open: string, close: string): void {
    const start = this.pos;
    this.pos += open.length;
    let depth = 1;
    while (this.pos < this.limit) {
      const c = this.code();
      if (c === 39) {
        const e = this.text.indexOf("'", this.pos + 1);
        this.pos = e === -1 || e >= this.limit ? this.limit : e + 1;
        continue;
      }
      if (c === BACKSLASH) {
        this.pos += 2;
        continue;
      }
      if (this.startsWith(close)) {
        depth--;
        this.pos += close.length;
        if (depth === 0) return;
        continue;
      }
      if (this.startsWith(open)) {
        depth++;
        this.pos += open.length;
        continue;
      }
      if (c === 40) depth++;
      else if (c === 41) depth--;
      this.pos++;
    }
    this.error(`${close} expected`, start);
  }

  private parseSimple(): SimpleCommandNode | ShellNode | null {
    const start = this.pos;
    const assignments: ShellAssignment[] = [];
    const words: ShellWord[] = [];
    const redirects: ShellRedirect[] = [];
    for (;;) {
      this.skipBlanks();
      if (this.pos >= this.limit) break;
      if (words.length > 0 && words[0]!.raw === '[[') {
        // [[ … ]] holds operators that are not shell operators there.
        const w = this.readTestWord();
        if (!w) break;
        words.push(w);
        if (w.raw === ']]') break;
        continue;
      }
      const r = this.tryRedirect();
      if (r) {
        redirects.push(r);
        continue;
      }
      const c = this.code();
      if (isMeta(c) && !this.atProcessSubstitution()) {
        // `name()` starts a function definition.
        if (c === 40 && words.length === 1 && assignments.length === 0 && this.startsWith('()')) {
          this.pos += 2;
          this.skipNewlines();
          const body = this.parseCommand();
          return {
            type: 'function',
            name: words[0]!.text,
            body: body ?? emptyList(this.pos),
            start,
            end: this.pos,
          };
        }
        break;
      }
      if (words.length === 0 && RESERVED_END.has(this.peekLiteral() ?? '') && assignments.length === 0) break;
      const w = this.readWord();
      if (!w) break;
      if (words.length === 0 && ASSIGNMENT.test(w.raw)) {
        assignments.push(toAssignment(w));
        continue;
      }
      words.push(w);
    }
    if (words.length === 0 && assignments.length === 0 && redirects.length === 0) return null;
    return { type: 'simple', assignments, words, redirects, start, end: this.pos };
  }

  private atProcessSubstitution(): boolean {
    const c = this.code();
    return (c === 60 || c === 62) && this.code(this.pos + 1) === 40;
  }

  /** Reads one word inside `[[ … ]]`, where `<`, `>`, `(`, `)`, `&&`, `||` are plain words. */
  private readTestWord(): ShellWord | null {
    const start = this.pos;
    for (const op of ['&&', '||', '<', '>', '(', ')', '!']) {
      if (this.startsWith(op)) {
        this.pos += op.length;
        return { raw: op, value: op, text: op, start, end: this.pos, quoted: false, substitutions: [] };
      }
    }
    return this.readWord();
  }

  private tryRedirect(): ShellRedirect | null {
    const start = this.pos;
    let i = this.pos;
    while (i < this.limit && this.text.charCodeAt(i) >= 48 && this.text.charCodeAt(i) <= 57) i++;
    const c = i < this.limit ? this.text.charCodeAt(i) : -1;
    const fd = i > start ? Number(this.text.slice(start, i)) : null;
    if (c !== 60 && c !== 62 && !(fd === null && c === 38 && this.text.charCodeAt(i + 1) === 62)) return null;
    if ((c === 60 || c === 62) && this.text.charCodeAt(i + 1) === 40) return null; // <(…) is a word
    let op = '';
    for (const candidate of ['<<<', '<<-', '&>>', '<<', '>>', '<&', '>&', '<>', '>|', '&>', '<', '>']) {
      if (this.text.startsWith(candidate, i) && i + candidate.length <= this.limit) {
        op = candidate;
        break;
      }
    }
    if (!op) return null;
    this.pos = i + op.length;
    this.skipBlanks();
    const target = this.readWord();
    if (!target) this.error(`a target is missing after ${op}`, start);
    const redirect: ShellRedirect = { op, fd, target, heredoc: null, start, end: this.pos };
    if ((op === '<<' || op === '<<-') && target) {
      redirect.heredoc = {
        delimiter: unquotedRaw(target.raw),
        stripTabs: op === '<<-',
        quoted: target.quoted,
        body: null,
        bodyStart: -1,
        bodyEnd: -1,
      };
      this.pending.push(redirect);
    }
    return redirect;
  }

  /** Reads one word; returns null when the cursor is not at a word. */
  readWord(): ShellWord | null {
    const start = this.pos;
    let value = '';
    let text = '';
    let dynamic = false;
    let quoted = false;
    const substitutions: ShellScript[] = [];
    while (this.pos < this.limit) {
      const c = this.code();
      if (isMeta(c)) {
        // Parentheses glued to a word: process substitution, extended globs, bash arrays.
        if (c === 40 && this.pos > start) {
          const prev = this.text.charCodeAt(this.pos - 1);
          if (
            prev === 61 /* = */ ||
            prev === 64 ||
            prev === 33 ||
            prev === 42 ||
            prev === 43 ||
            prev === 63
          ) {
            const s = this.pos;
            this.skipBalanced('(', ')');
            const raw = this.text.slice(s, this.pos);
            value += raw;
            text += raw;
            continue;
          }
        }
        if ((c === 60 || c === 62) && this.code(this.pos + 1) === 40 && this.pos === start) {
          const s = this.pos;
          this.pos += 2;
          const sub = this.substitution(')');
          substitutions.push(sub);
          dynamic = true;
          text += this.text.slice(s, this.pos);
          continue;
        }
        break;
      }
      if (c === BACKSLASH) {
        const n = this.code(this.pos + 1);
        if (n === NL) {
          this.pos += 2;
          continue;
        }
        if (n === -1) {
          this.pos++;
          continue;
        }
        const ch = this.text[this.pos + 1]!;
        value += ch;
        text += ch;
        quoted = true;
        this.pos += 2;
        continue;
      }
      if (c === 39 /* ' */) {
        const e = this.text.indexOf("'", this.pos + 1);
        const end = e === -1 || e >= this.limit ? this.limit : e;
        if (e === -1 || e >= this.limit) this.error('unterminated single quote', this.pos);
        const part = this.text.slice(this.pos + 1, end);
        value += part;
        text += part;
        quoted = true;
        this.pos = Math.min(end + 1, this.limit);
        continue;
      }
      if (c === 34 /* " */) {
        quoted = true;
        const r = this.readDoubleQuoted(substitutions);
        value += r.value;
        text += r.text;
        if (r.dynamic) dynamic = true;
        continue;
      }
      if (c === 36 /* $ */) {
        const n = this.code(this.pos + 1);
        if (n === 39 /* $'…' */) {
          quoted = true;
          const r = this.readAnsiC();
          value += r;
          text += r;
          continue;
        }
        if (n === 34 /* $"…" */) {
          this.pos++;
          quoted = true;
          const r = this.readDoubleQuoted(substitutions);
          value += r.value;
          text += r.text;
          if (r.dynamic) dynamic = true;
          continue;
        }
        const s = this.pos;
        if (this.readExpansion(substitutions)) {
          dynamic = true;
          text += this.text.slice(s, this.pos);
          continue;
        }
        value += '$';
        text += '$';
        this.pos++;
        continue;
      }
      if (c === 96 /* ` */) {
        const s = this.pos;
        this.readBackticks(substitutions);
        dynamic = true;
        text += this.text.slice(s, this.pos);
        continue;
      }
      value += this.text[this.pos];
      text += this.text[this.pos];
      this.pos++;
    }
    if (this.pos === start) return null;
    return {
      raw: this.text.slice(start, this.pos),
      value: dynamic ? null : value,
      text,
      start,
      end: this.pos,
      quoted,
      substitutions,
    };
  }

  private readDoubleQuoted(substitutions: ShellScript[]): { value: string; text: string; dynamic: boolean } {
    const open = this.pos;
    this.pos++;
    let value = '';
    let text = '';
    let dynamic = false;
    while (this.pos < this.limit) {
      const c = this.code();
      if (c === 34) {
        this.pos++;
        return { value, text, dynamic };
      }
      if (c === BACKSLASH) {
        const n = this.code(this.pos + 1);
        if (n === NL) {
          this.pos += 2;
          continue;
        }
        if (n === 36 || n === 96 || n === 34 || n === BACKSLASH) {
          value += this.text[this.pos + 1];
          text += this.text[this.pos + 1];
          this.pos += 2;
          continue;
        }
        value += '\\';
        text += '\\';
        this.pos++;
        continue;
      }
      if (c === 36) {
        const s = this.pos;
        if (this.readExpansion(substitutions)) {
          dynamic = true;
          text += this.text.slice(s, this.pos);
          continue;
        }
      } else if (c === 96) {
        const s = this.pos;
        this.readBackticks(substitutions);
        dynamic = true;
        text += this.text.slice(s, this.pos);
        continue;
      }
      value += this.text[this.pos];
      text += this.text[this.pos];
      this.pos++;
    }
    this.error('unterminated double quote', open);
    return { value, text, dynamic };
  }

  private readAnsiC(): string {
    const open = this.pos;
    this.pos += 2;
    let out = '';
    const escapes: Record<string, string> = {
      n: '\n',
      t: '\t',
      r: '\r',
      a: '\x07',
      b: '\b',
      e: '\x1b',
      f: '\f',
      v: '\v',
    };
    while (this.pos < this.limit) {
      const ch = this.text[this.pos]!;
      if (ch === "'") {
        this.pos++;
        return out;
      }
      if (ch === '\\' && this.pos + 1 < this.limit) {
        const n = this.text[this.pos + 1]!;
        out += escapes[n] ?? n;
        this.pos += 2;
        continue;
      }
      out += ch;
      this.pos++;
    }
    this.error("unterminated $'…' string", open);
    return out;
  }

  /** Reads `$…` at the cursor; false when the `$` is literal. */
  private readExpansion(substitutions: ShellScript[]): boolean {
    const n = this.code(this.pos + 1);
    if (n === 40 /* ( */) {
      if (this.code(this.pos + 2) === 40) {
        this.skipBalanced('$((', '))');
        return true;
      }
      this.pos += 2;
      substitutions.push(this.substitution(')'));
      return true;
    }
    if (n === 123 /* { */) {
      const open = this.pos;
      this.pos += 2;
      let depth = 1;
      while (this.pos < this.limit && depth > 0) {
        const c = this.code();
        if (c === BACKSLASH) this.pos += 2;
        else if (c === 39) {
          const e = this.text.indexOf("'", this.pos + 1);
          this.pos = e === -1 || e >= this.limit ? this.limit : e + 1;
        } else if (c === 34) this.readDoubleQuoted(substitutions);
        else if (c === 36 && this.code(this.pos + 1) === 40) this.readExpansion(substitutions);
        else {
          if (c === 123) depth++;
          else if (c === 125) depth--;
          this.pos++;
        }
      }
      if (depth > 0) this.error('unterminated ${…}', open);
      return true;
    }
    if (n === -1) return false;
    const ch = this.text[this.pos + 1]!;
    if (/[A-Za-z_]/.test(ch)) {
      this.pos += 2;
      while (this.pos < this.limit && /[A-Za-z0-9_]/.test(this.text[this.pos]!)) this.pos++;
      return true;
    }
    if (/[0-9@*#?$!-]/.test(ch)) {
      this.pos += 2;
      return true;
    }
    return false;
  }

  /** Reads a nested script up to its closing `)`; the cursor is just after the opening parenthesis. */
  private substitution(close: ')'): ShellScript {
    const open = this.pos;
    const nested = new ShellParser(this.text, this.pos, this.limit, this.depth + 1, this.errors);
    const root = nested.depth > 40 ? emptyList(this.pos) : nested.parseList(null);
    this.pos = nested.pos;
    if (this.code() === 41) this.pos++;
    else this.error(`missing ${close}`, open);
    return { text: this.text, root, errors: [] };
  }

  private readBackticks(substitutions: ShellScript[]): void {
    const open = this.pos;
    let i = this.pos + 1;
    while (i < this.limit) {
      const c = this.text.charCodeAt(i);
      if (c === BACKSLASH) i += 2;
      else if (c === 96) break;
      else i++;
    }
    const end = Math.min(i, this.limit);
    if (i >= this.limit) this.error('unterminated backquote', open);
    if (this.depth < 40) {
      const nested = new ShellParser(this.text, open + 1, end, this.depth + 1, this.errors);
      substitutions.push({ text: this.text, root: nested.parseList(null), errors: [] });
    }
    this.pos = Math.min(end + 1, this.limit);
  }
}

function emptyList(at: number): ListNode {
  return { type: 'list', items: [], separators: [], start: at, end: at };
}

function unquotedRaw(raw: string): string {
  let out = '';
  let quote = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (quote) {
      if (c === quote) quote = '';
      else out += c;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '\\' && i + 1 < raw.length) out += raw[++i];
    else out += c;
  }
  return out;
}

function toAssignment(w: ShellWord): ShellAssignment {
  const eq = w.raw.indexOf('=');
  const plus = w.raw[eq - 1] === '+';
  const name = w.raw.slice(0, plus ? eq - 1 : eq).replace(/\[.*$/, '');
  const rawValue = w.raw.slice(eq + 1);
  let value: ShellWord | null = null;
  if (rawValue.length > 0) {
    const sub = new ShellParser(w.raw, eq + 1, w.raw.length, 1);
    const parsed = sub.readWord();
    if (parsed) {
      value = {
        ...parsed,
        raw: rawValue,
        start: w.start + eq + 1,
        end: w.end,
        substitutions: w.substitutions,
        value: w.value === null ? null : parsed.value,
      };
    }
  }
  return { name, value, raw: w.raw, start: w.start, end: w.end };
}
