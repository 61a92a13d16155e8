import { type Lookup, substitute } from './interpolate.js';

/** `[export ]KEY=` or `KEY:` at the start of a line, with the blanks after it. */
const LINE = /^\s*(?:export\s+)?([A-Za-z_.][A-Za-z0-9_.-]*)\s*[=:]\s*/;

/**
 * Reads a `.env` file as Compose does: `KEY=value` lines, optional `export `, `#` comments (whole lines,
 * or after a blank in an unquoted value), single quotes (literal), double quotes (escapes, may span
 * lines) and interpolation of `${VAR}` in unquoted and double-quoted values, from variables defined
 * earlier in the file and then from `lookup`.
 */
export function parseDotenv(text: string, lookup: Lookup = () => undefined): Map<string, string> {
  const vars = new Map<string, string>();
  const resolve: Lookup = (name) => vars.get(name) ?? lookup(name);
  const src = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  let i = 0;
  while (i < src.length) {
    let end = src.indexOf('\n', i);
    if (end === -1) end = src.length;
    const raw = src.slice(i, end);
    const lineStart = i;
    i = end + 1;
    const m = LINE.exec(raw);
    if (!m) continue;
    const key = m[1]!;
    const valueAt = lineStart + m[0].length;
    const quote = src[valueAt];
    if (quote === '"' || quote === "'") {
      // A quoted value may go on over the next lines, up to its closing quote.
      const close = findClosingQuote(src, valueAt + 1, quote);
      if (close === -1) {
        vars.set(key, src.slice(valueAt + 1, end));
        continue;
      }
      const body = src.slice(valueAt + 1, close);
      const nextNewline = src.indexOf('\n', close);
      i = nextNewline === -1 ? src.length : nextNewline + 1;
      vars.set(key, quote === "'" ? body : substitute(unescapeDouble(body), resolve).value);
      continue;
    }
    let rest = src.slice(valueAt, end);
    const comment = rest.search(/\s#/);
    if (comment !== -1) rest = rest.slice(0, comment);
    vars.set(key, substitute(rest.trim(), resolve).value);
  }
  return vars;
}

function findClosingQuote(s: string, from: number, quote: string): number {
  for (let i = from; i < s.length; i++) {
    const c = s[i];
    if (c === '\\' && quote === '"') {
      i++;
      continue;
    }
    if (c === quote) return i;
  }
  return -1;
}

function unescapeDouble(body: string): string {
  return body.replace(/\\(.)/g, (_, c: string) => {
    switch (c) {
      case 'n':
        return '\n';
      case 'r':
        return '\r';
      case 't':
        return '\t';
      case '$':
        // Keep `\$` literal through interpolation.
        return '$$';
      default:
        return c;
    }
  });
}
