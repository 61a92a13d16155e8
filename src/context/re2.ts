/**
 * Translates the Go (RE2) regular expressions that Docker's pattern matcher builds from .dockerignore
 * patterns into JavaScript regular expressions with the same meaning.
 *
 * Docker turns a pattern into a Go regexp by hand (moby/patternmatcher): `*`, `?` and `**` become regexp
 * pieces, a few metacharacters are escaped, and everything else, including `\x` escapes and `[...]`
 * classes, is passed through for Go's regexp parser to interpret. The two dialects differ exactly there:
 * `\d`, `\s`, `\w` and POSIX classes (`[[:alpha:]]`) have ASCII meanings in Go, Unicode ones (or none)
 * in JavaScript; `.` excludes only `\n` in Go; a lone `]` is a literal in Go and an error in JavaScript's
 * Unicode mode; `\Q…\E`, `\z`, `\A` and octal escapes exist only in Go; and Go rejects escapes such as
 * `\e` or `\1` that JavaScript would accept. This module parses the Go syntax that can occur and writes
 * the JavaScript equivalent, or reports the error Go would report.
 */

export class Re2Error extends Error {}

const POSIX: Record<string, string> = {
  alnum: '0-9A-Za-z',
  alpha: 'A-Za-z',
  ascii: '\\x00-\\x7F',
  blank: '\\t ',
  cntrl: '\\x00-\\x1F\\x7F',
  digit: '0-9',
  graph: '!-~',
  lower: 'a-z',
  print: ' -~',
  punct: '!-\\/:-@\\[-`{-~',
  space: '\\t\\n\\v\\f\\r ',
  upper: 'A-Z',
  word: '0-9A-Za-z_',
  xdigit: '0-9A-Fa-f',
};

/** Perl classes as Go defines them (ASCII only). */
const PERL: Record<string, [string, boolean]> = {
  d: ['0-9', false],
  D: ['0-9', true],
  s: ['\\t\\n\\f\\r ', false],
  S: ['\\t\\n\\f\\r ', true],
  w: ['0-9A-Za-z_', false],
  W: ['0-9A-Za-z_', true],
};

const CONTROL: Record<string, number> = { a: 7, f: 12, t: 9, n: 10, r: 13, v: 11 };

/** A code point written safely in a JavaScript Unicode-mode regexp, outside a class or inside one. */
function lit(cp: number, inClass = false): string {
  if (cp < 0x20 || cp === 0x7f) return `\\x${cp.toString(16).padStart(2, '0')}`;
  const ch = String.fromCodePoint(cp);
  // Unicode mode allows `\-` only inside a class.
  if (ch === '-') return inClass ? '\\-' : '-';
  return /[\\^$.*+?()[\]{}|/]/.test(ch) ? `\\${ch}` : ch;
}

function isWordChar(cp: number): boolean {
  return (cp >= 48 && cp <= 57) || (cp >= 65 && cp <= 90) || (cp >= 97 && cp <= 122) || cp === 95;
}

class Reader {
  readonly cps: number[];
  i = 0;
  constructor(source: string) {
    this.cps = Array.from(source, (c) => c.codePointAt(0)!);
  }
  get done(): boolean {
    return this.i >= this.cps.length;
  }
  peek(offset = 0): number | undefined {
    return this.cps[this.i + offset];
  }
  next(): number {
    if (this.done) throw new Re2Error('unexpected end of pattern');
    return this.cps[this.i++]!;
  }
}

type Escape = { kind: 'char'; cp: number } | { kind: 'class'; body: string; negated: boolean };

/** Reads an escape after its backslash (Go's parseEscape, for what can follow in a class or outside). */
function readEscape(r: Reader): Escape {
  if (r.done) throw new Re2Error('trailing backslash at end of expression');
  const c = r.next();
  const ch = String.fromCodePoint(c);
  if (c < 0x80 && !isWordChar(c)) return { kind: 'char', cp: c };
  if (ch in CONTROL) return { kind: 'char', cp: CONTROL[ch]! };
  if (ch in PERL) {
    const [body, negated] = PERL[ch]!;
    return { kind: 'class', body, negated };
  }
  if (c >= 48 && c <= 55) {
    // Octal: `\0` and up to two more digits; `\1`-`\7` need a following octal digit (else a backreference).
    if (c !== 48 && !(r.peek() !== undefined && r.peek()! >= 48 && r.peek()! <= 55))
      throw new Re2Error(`invalid escape sequence: \\${ch}`);
    let value = c - 48;
    for (let k = 0; k < 2 && r.peek() !== undefined && r.peek()! >= 48 && r.peek()! <= 55; k++)
      value = value * 8 + (r.next() - 48);
    return { kind: 'char', cp: value };
  }
  if (ch === 'x') {
    if (r.peek() === 123) {
      r.next();
      let hex = '';
      while (!r.done && r.peek() !== 125) hex += String.fromCodePoint(r.next());
      if (r.done || !/^[0-9A-Fa-f]+$/.test(hex) || Number.parseInt(hex, 16) > 0x10ffff)
        throw new Re2Error('invalid escape sequence: \\x{');
      r.next();
      return { kind: 'char', cp: Number.parseInt(hex, 16) };
    }
    const h = String.fromCodePoint(r.peek() ?? 0x20) + String.fromCodePoint(r.peek(1) ?? 0x20);
    if (!/^[0-9A-Fa-f]{2}$/.test(h)) throw new Re2Error('invalid escape sequence: \\x');
    r.i += 2;
    return { kind: 'char', cp: Number.parseInt(h, 16) };
  }
  if (ch === 'p' || ch === 'P') {
    let name: string;
    if (r.peek() === 123) {
      r.next();
      name = '';
      while (!r.done && r.peek() !== 125) name += String.fromCodePoint(r.next());
      if (r.done) throw new Re2Error('invalid character class range: \\p{');
      r.next();
    } else name = String.fromCodePoint(r.next());
    let negated = ch === 'P';
    if (name.startsWith('^')) {
      negated = !negated;
      name = name.slice(1);
    }
    const body =
      name === 'Any'
        ? '\\u{0}-\\u{10FFFF}'
        : /^[A-Z][a-z]?$/.test(name)
          ? `\\p{${name}}`
          : `\\p{Script=${name}}`;
    try {
      new RegExp(`[${body}]`, 'u');
    } catch {
      throw new Re2Error(`invalid character class range: \\p{${name}}`);
    }
    return { kind: 'class', body, negated };
  }
  throw new Re2Error(`invalid escape sequence: \\${ch}`);
}

/** Reads a `[...]` class after its `[` and returns the JavaScript class. */
function readClass(r: Reader): string {
  let negated = false;
  if (r.peek() === 94) {
    r.next();
    negated = true;
  }
  const items: string[] = [];
  const negatedItems: string[] = [];
  let first = true;
  for (;;) {
    if (r.done) throw new Re2Error('missing closing ]');
    if (r.peek() === 93 && !first) {
      r.next();
      break;
    }
    first = false;
    if (r.peek() === 91 && r.peek(1) === 58) {
      // POSIX class `[:name:]` or `[:^name:]`.
      const rest = String.fromCodePoint(...r.cps.slice(r.i));
      const m = /^\[:(\^?)([a-z]+):\]/.exec(rest);
      if (m && m[2]! in POSIX) {
        r.i += m[0].length;
        (m[1] ? negatedItems : items).push(POSIX[m[2]!]!);
        continue;
      }
      if (m) throw new Re2Error(`invalid character class range: ${m[0]}`);
    }
    let lo: number;
    if (r.peek() === 92) {
      r.next();
      const e = readEscape(r);
      if (e.kind === 'class') {
        (e.negated ? negatedItems : items).push(e.body);
        continue;
      }
      lo = e.cp;
    } else lo = r.next();
    let hi = lo;
    if (r.peek() === 45 && r.peek(1) !== undefined && r.peek(1) !== 93) {
      r.next();
      if (r.peek() === 92) {
        r.next();
        const e = readEscape(r);
        if (e.kind === 'class') throw new Re2Error('invalid character class range');
        hi = e.cp;
      } else hi = r.next();
      if (hi < lo) throw new Re2Error('invalid character class range');
    }
    items.push(lo === hi ? lit(lo, true) : `${lit(lo, true)}-${lit(hi, true)}`);
  }
  // A class mixing plain items and negated Perl/POSIX items: union of both, as an alternation.
  const plain = items.join('');
  const parts: string[] = [];
  if (plain || negatedItems.length === 0) parts.push(`[${plain}]`);
  for (const n of negatedItems) parts.push(`[^${n}]`);
  const union = parts.length === 1 ? parts[0]! : `(?:${parts.join('|')})`;
  if (!negated) return union;
  if (negatedItems.length === 0) return `[^${plain}]`;
  // Negation of a union: a code point matching none of the parts.
  return `(?:(?!${union})[\\s\\S])`;
}

/** Translates a Go regexp (as built by moby/patternmatcher) into an equivalent JavaScript RegExp. */
export function re2ToRegExp(source: string): RegExp {
  const r = new Reader(source);
  let out = '';
  let depth = 0;
  while (!r.done) {
    const c = r.next();
    switch (c) {
      case 92: {
        if (r.peek() === 81) {
          // \Q...\E: literal text.
          r.next();
          while (!r.done && !(r.peek() === 92 && r.peek(1) === 69)) out += lit(r.next());
          if (!r.done) r.i += 2;
          break;
        }
        if (r.peek() === 65) {
          r.next();
          out += '^';
          break;
        }
        if (r.peek() === 122) {
          r.next();
          out += '$';
          break;
        }
        if (r.peek() === 98 || r.peek() === 66) {
          out += `\\${String.fromCodePoint(r.next())}`;
          break;
        }
        const e = readEscape(r);
        out += e.kind === 'char' ? lit(e.cp) : `[${e.negated ? '^' : ''}${e.body}]`;
        break;
      }
      case 46:
        out += '[^\\n]';
        break;
      case 91:
        out += readClass(r);
        break;
      case 40:
        depth++;
        out += '(?:';
        break;
      case 41:
        if (depth === 0) throw new Re2Error('unexpected )');
        depth--;
        out += ')';
        break;
      // Anchors, alternation and repetition mean the same in both dialects.
      case 94:
      case 36:
      case 124:
      case 42:
      case 43:
      case 63:
        out += String.fromCodePoint(c);
        break;
      default:
        out += lit(c);
    }
  }
  if (depth !== 0) throw new Re2Error('missing closing )');
  try {
    return new RegExp(out, 'u');
  } catch (error) {
    throw new Re2Error((error as Error).message);
  }
}
