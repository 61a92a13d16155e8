/**
 * Alpine apk version ordering (apk-tools 2.14/3.x): `digits{.digits}[letter]{_suffix[digits]}[~hash][-rN]`.
 * Suffixes before the release: alpha < beta < pre < rc; after it: cvs < svn < git < hg < p.
 * A `.`-component where either side has a leading zero compares as a string (Gentoo's rule).
 * When one version stops where the other goes on, the longer one is newer unless it goes on with a
 * pre-release suffix.
 */

// Token kinds in apk's order: the kind that comes next decides when the shared prefix is equal.
const INITIAL_DIGIT = 0;
const DIGIT = 1;
const LETTER = 2;
const SUFFIX = 3;
const SUFFIX_NO = 4;
const COMMIT_HASH = 5;
const REVISION_NO = 6;
const END = 7;
const INVALID = 8;

const SUFFIXES = ['alpha', 'beta', 'pre', 'rc', '', 'cvs', 'svn', 'git', 'hg', 'p'];
const RELEASE = SUFFIXES.indexOf('');

interface Token {
  kind: number;
  /** The token's text (digits, letter, suffix name or hash). */
  text: string;
}

function digitsAt(text: string, pos: number): number {
  let end = pos;
  while (end < text.length && text.charCodeAt(end) >= 48 && text.charCodeAt(end) <= 57) end++;
  return end;
}

/** Splits an apk version into tokens, ending with an END or INVALID token. */
export function tokenizeApkVersion(text: string): Token[] {
  const tokens: Token[] = [];
  let pos = digitsAt(text, 0);
  if (pos === 0) return [{ kind: INVALID, text: '' }];
  tokens.push({ kind: INITIAL_DIGIT, text: text.slice(0, pos) });
  let previous = INITIAL_DIGIT;
  const fail = () => {
    tokens.push({ kind: INVALID, text: '' });
    return tokens;
  };
  while (pos < text.length) {
    const c = text[pos]!;
    let kind: number;
    let start = pos;
    let end: number;
    if (c >= 'a' && c <= 'z') {
      if (previous > DIGIT) return fail();
      kind = LETTER;
      end = pos + 1;
    } else if (c === '.' || (c >= '0' && c <= '9')) {
      if (c === '.') {
        if (previous > DIGIT) return fail();
        start = pos + 1;
      }
      if (previous === INITIAL_DIGIT || previous === DIGIT) kind = DIGIT;
      else if (previous === SUFFIX) kind = SUFFIX_NO;
      else return fail();
      end = digitsAt(text, start);
      if (end === start) return fail();
    } else if (c === '_') {
      if (previous > SUFFIX_NO) return fail();
      start = pos + 1;
      end = start;
      while (end < text.length && text[end]! >= 'a' && text[end]! <= 'z') end++;
      const name = text.slice(start, end);
      if (name === '' || !SUFFIXES.includes(name)) return fail();
      kind = SUFFIX;
    } else if (c === '~') {
      if (previous >= COMMIT_HASH) return fail();
      start = pos + 1;
      end = start;
      while (end < text.length && /[0-9a-fA-F]/.test(text[end]!)) end++;
      if (end === start) return fail();
      kind = COMMIT_HASH;
    } else if (c === '-') {
      if (previous >= REVISION_NO || text[pos + 1] !== 'r') return fail();
      start = pos + 2;
      end = digitsAt(text, start);
      if (end === start) return fail();
      kind = REVISION_NO;
    } else return fail();
    tokens.push({ kind, text: text.slice(start, end) });
    previous = kind;
    pos = end;
  }
  tokens.push({ kind: END, text: '' });
  return tokens;
}

export function isValidApkVersion(text: string): boolean {
  const tokens = tokenizeApkVersion(text);
  return tokens[tokens.length - 1]!.kind === END;
}

function compareNumbers(a: string, b: string): number {
  const x = a.replace(/^0+/, '');
  const y = b.replace(/^0+/, '');
  if (x.length !== y.length) return x.length < y.length ? -1 : 1;
  return x < y ? -1 : x > y ? 1 : 0;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareTokens(a: Token, b: Token): number {
  switch (a.kind) {
    case DIGIT:
      if (a.text.startsWith('0') || b.text.startsWith('0')) return compareStrings(a.text, b.text);
      return compareNumbers(a.text, b.text);
    case INITIAL_DIGIT:
    case SUFFIX_NO:
    case REVISION_NO:
      return compareNumbers(a.text, b.text);
    case SUFFIX:
      return Math.sign(SUFFIXES.indexOf(a.text) - SUFFIXES.indexOf(b.text));
    default:
      return compareStrings(a.text, b.text);
  }
}

/** Compares two apk versions: negative, zero or positive. Throws on a version apk would reject. */
export function compareApkVersions(a: string, b: string): number {
  const ta = tokenizeApkVersion(a);
  const tb = tokenizeApkVersion(b);
  if (ta[ta.length - 1]!.kind !== END) throw new Error(`invalid apk version "${a}"`);
  if (tb[tb.length - 1]!.kind !== END) throw new Error(`invalid apk version "${b}"`);
  let i = 0;
  for (; ta[i]!.kind === tb[i]!.kind && ta[i]!.kind < END; i++) {
    const result = compareTokens(ta[i]!, tb[i]!);
    if (result !== 0) return result;
  }
  const x = ta[i]!;
  const y = tb[i]!;
  if (x.kind === y.kind) return 0;
  if (x.kind === SUFFIX && SUFFIXES.indexOf(x.text) < RELEASE) return -1;
  if (y.kind === SUFFIX && SUFFIXES.indexOf(y.text) < RELEASE) return 1;
  return x.kind > y.kind ? -1 : 1;
}
