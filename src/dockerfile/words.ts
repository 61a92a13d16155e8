/**
 * Word splitters of BuildKit's Dockerfile parser, with logical offsets.
 * Each returns `[start, end)` offsets into the text it was given.
 */

export interface RawWord {
  raw: string;
  start: number;
  end: number;
}

/** Go's unicode.IsSpace. */
export function isSpace(code: number): boolean {
  return (
    code === 32 ||
    (code >= 9 && code <= 13) ||
    code === 0x85 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  );
}

/** BuildKit's `reWhitespace` class: `[\t\v\f\r ]`. */
export function isBlank(code: number): boolean {
  return code === 32 || code === 9 || code === 11 || code === 12 || code === 13;
}

/** Splits on runs of `[\t\v\f\r ]` (BuildKit's parseStringsWhitespaceDelimited): no quote handling. */
export function splitWhitespace(text: string, from = 0, to = text.length): RawWord[] {
  const out: RawWord[] = [];
  let i = from;
  while (i < to) {
    while (i < to && isBlank(text.charCodeAt(i))) i++;
    if (i >= to) break;
    const start = i;
    while (i < to && !isBlank(text.charCodeAt(i))) i++;
    out.push({ raw: text.slice(start, i), start, end: i });
  }
  return out;
}

/**
 * BuildKit's parseWords: whitespace-separated words where quotes group and the escape character
 * protects the next character. Quotes and escapes are kept in `raw`.
 */
export function splitWords(text: string, escape: string, from = 0, to = text.length): RawWord[] {
  const out: RawWord[] = [];
  const esc = escape.charCodeAt(0);
  let i = from;
  while (i < to) {
    while (i < to && isSpace(text.charCodeAt(i))) i++;
    if (i >= to) break;
    const start = i;
    let quote = 0;
    while (i < to) {
      const c = text.charCodeAt(i);
      if (quote === 0) {
        if (isSpace(c)) break;
        if (c === 39 || c === 34) quote = c;
        else if (c === esc && i + 1 < to) i++;
      } else if (c === quote) {
        quote = 0;
      } else if (c === esc && quote !== 39 && i + 1 < to) {
        i++;
      }
      i++;
    }
    out.push({ raw: text.slice(start, i), start, end: i });
  }
  return out;
}

/**
 * Removes quotes and escapes from a word the way BuildKit's shell lexer does before substitution
 * (variables are left as written).
 */
export function unquote(raw: string, escape: string): string {
  if (raw.indexOf("'") === -1 && raw.indexOf('"') === -1 && raw.indexOf(escape) === -1) return raw;
  let out = '';
  let quote = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (quote === "'") {
      if (c === "'") quote = '';
      else out += c;
    } else if (quote === '"') {
      if (c === '"') quote = '';
      else if (c === escape && i + 1 < raw.length) {
        const n = raw[i + 1]!;
        // Inside double quotes the escape only protects these characters, as in POSIX shells.
        if (n === '"' || n === '$' || n === escape || n === '`' || n === '\\') {
          out += n;
          i++;
        } else out += c;
      } else out += c;
    } else if (c === "'" || c === '"') {
      quote = c;
    } else if (c === escape) {
      if (i + 1 < raw.length) out += raw[++i];
    } else out += c;
  }
  return out;
}

export interface JsonStrings {
  values: string[];
  /** `[start, end)` of each string literal, quotes included. */
  ranges: Array<[number, number]>;
  /** Offset just after the closing bracket. */
  end: number;
}

export type JsonResult =
  | { kind: 'strings'; result: JsonStrings }
  /** Valid JSON array holding something else than strings: BuildKit rejects the instruction. */
  | { kind: 'not-strings'; end: number }
  /** Not a JSON array: BuildKit falls back to shell form. */
  | { kind: 'invalid' };

/**
 * Reads a JSON array at `from` (after optional whitespace), as Go's json.Decoder.Decode does:
 * the first JSON value is read and anything after it is ignored.
 */
export function readJsonArray(text: string, from = 0, to = text.length): JsonResult {
  let i = from;
  while (i < to && isSpace(text.charCodeAt(i))) i++;
  if (text.charCodeAt(i) !== 91 /* [ */) return { kind: 'invalid' };
  const values: string[] = [];
  const ranges: Array<[number, number]> = [];
  let allStrings = true;
  i++;
  i = skipJsonSpace(text, i, to);
  if (text.charCodeAt(i) === 93 /* ] */) return { kind: 'strings', result: { values, ranges, end: i + 1 } };
  for (;;) {
    i = skipJsonSpace(text, i, to);
    if (text.charCodeAt(i) === 34) {
      const s = readJsonString(text, i, to);
      if (!s) return { kind: 'invalid' };
      values.push(s.value);
      ranges.push([i, s.end]);
      i = s.end;
    } else {
      const end = skipJsonValue(text, i, to, 0);
      if (end < 0) return { kind: 'invalid' };
      allStrings = false;
      i = end;
    }
    i = skipJsonSpace(text, i, to);
    const c = text.charCodeAt(i);
    if (c === 44 /* , */) {
      i++;
      continue;
    }
    if (c === 93 /* ] */) {
      i++;
      break;
    }
    return { kind: 'invalid' };
  }
  if (!allStrings) return { kind: 'not-strings', end: i };
  return { kind: 'strings', result: { values, ranges, end: i } };
}

function skipJsonSpace(text: string, i: number, to: number): number {
  while (i < to) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) i++;
    else break;
  }
  return i;
}

function readJsonString(text: string, i: number, to: number): { value: string; end: number } | null {
  let out = '';
  let j = i + 1;
  let chunk = j;
  while (j < to) {
    const c = text.charCodeAt(j);
    if (c === 34) {
      out += text.slice(chunk, j);
      return { value: out, end: j + 1 };
    }
    if (c < 32) return null;
    if (c === 92) {
      out += text.slice(chunk, j);
      const n = text[j + 1];
      switch (n) {
        case '"':
        case '\\':
        case '/':
          out += n;
          break;
        case 'b':
          out += '\b';
          break;
        case 'f':
          out += '\f';
          break;
        case 'n':
          out += '\n';
          break;
        case 'r':
          out += '\r';
          break;
        case 't':
          out += '\t';
          break;
        case 'u': {
          const hex = text.slice(j + 2, j + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) return null;
          out += String.fromCharCode(Number.parseInt(hex, 16));
          j += 4;
          break;
        }
        default:
          return null;
      }
      j += 2;
      chunk = j;
      continue;
    }
    j++;
  }
  return null;
}

/** Skips any JSON value; returns its end or -1 when it is not valid JSON. */
function skipJsonValue(text: string, i: number, to: number, depth: number): number {
  if (depth > 64) return -1;
  i = skipJsonSpace(text, i, to);
  const c = text.charCodeAt(i);
  if (c === 34) {
    const s = readJsonString(text, i, to);
    return s ? s.end : -1;
  }
  if (c === 91 || c === 123) {
    const close = c === 91 ? 93 : 125;
    i = skipJsonSpace(text, i + 1, to);
    if (text.charCodeAt(i) === close) return i + 1;
    for (;;) {
      if (c === 123) {
        if (text.charCodeAt(i) !== 34) return -1;
        i = skipJsonValue(text, i, to, depth + 1);
        if (i < 0) return -1;
        i = skipJsonSpace(text, i, to);
        if (text.charCodeAt(i) !== 58) return -1;
        i++;
      }
      i = skipJsonValue(text, i, to, depth + 1);
      if (i < 0) return -1;
      i = skipJsonSpace(text, i, to);
      const n = text.charCodeAt(i);
      if (n === 44) {
        i = skipJsonSpace(text, i + 1, to);
        continue;
      }
      if (n === close) return i + 1;
      return -1;
    }
  }
  const m = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(
    text.slice(i, Math.min(to, i + 64)),
  );
  return m ? i + m[0].length : -1;
}
