/**
 * Compose's variable interpolation: `$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`,
 * `${VAR:?error}`, `${VAR?error}`, `${VAR:+replacement}`, `${VAR+replacement}`, nested expressions in
 * defaults, and `$$` for a literal `$`. A `$` that does not start a name or `${` is kept as written; a
 * `${…}` that is not one of the forms above is an error (Compose refuses such files).
 */

/** A variable's value, or undefined when it is not set. */
export type Lookup = (name: string) => string | undefined;

export interface Substitution {
  value: string;
  /** `value` with every unresolved substitution replaced by NUL (to tell where unknown parts are). */
  masked: string;
  /** Variables that had no value and no default or alternative: the value is not fully known. */
  unresolved: string[];
  /** A default was used because its variable had no value. */
  defaulted: boolean;
  /** The first invalid expression: offset into the template and a message. */
  error: { index: number; message: string } | null;
}

const NAME_START = /[_a-zA-Z]/;
const NAME = /^[_a-zA-Z][_a-zA-Z0-9]*/;
const OPERATORS = [':?', ':-', ':+', '?', '-', '+'] as const;
type Operator = (typeof OPERATORS)[number];

export function hasInterpolation(text: string): boolean {
  return text.indexOf('$') !== -1;
}

export function substitute(template: string, lookup: Lookup): Substitution {
  const out: Substitution = { value: '', masked: '', unresolved: [], defaulted: false, error: null };
  if (!hasInterpolation(template)) {
    out.value = template;
    out.masked = template;
    return out;
  }
  const [value, masked] = expand(template, 0, lookup, out);
  out.value = value;
  out.masked = masked;
  return out;
}

/** Index of the `}` that closes a `${` opened just before `from` (every `${` opens, every `}` closes). */
function closingBrace(s: string, from: number): number {
  let depth = 1;
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 125 /* } */) {
      depth--;
      if (depth === 0) return i;
    } else if (c === 36 /* $ */ && s.charCodeAt(i + 1) === 123 /* { */) {
      depth++;
      i++;
    }
  }
  return -1;
}

function expand(s: string, offset: number, lookup: Lookup, state: Substitution): [string, string] {
  let value = '';
  let masked = '';
  let i = 0;
  while (i < s.length) {
    const dollar = s.indexOf('$', i);
    if (dollar === -1) {
      value += s.slice(i);
      masked += s.slice(i);
      break;
    }
    value += s.slice(i, dollar);
    masked += s.slice(i, dollar);
    const next = s[dollar + 1];
    if (next === '$') {
      value += '$';
      masked += '$';
      i = dollar + 2;
      continue;
    }
    if (next === '{') {
      const close = closingBrace(s, dollar + 2);
      if (close === -1) {
        fail(state, offset + dollar, `unterminated "\${" in "${s.slice(dollar)}"`);
        return [value, masked];
      }
      const [v, m] = braced(s.slice(dollar + 2, close), offset + dollar, lookup, state);
      value += v;
      masked += m;
      i = close + 1;
      continue;
    }
    if (next !== undefined && NAME_START.test(next)) {
      const name = NAME.exec(s.slice(dollar + 1))![0];
      const [v, m] = plain(name, lookup, state);
      value += v;
      masked += m;
      i = dollar + 1 + name.length;
      continue;
    }
    value += '$';
    masked += '$';
    i = dollar + 1;
  }
  return [value, masked];
}

function plain(name: string, lookup: Lookup, state: Substitution): [string, string] {
  const v = lookup(name);
  if (v !== undefined) return [v, v];
  if (!state.unresolved.includes(name)) state.unresolved.push(name);
  return ['', '\u0000'];
}

function braced(body: string, at: number, lookup: Lookup, state: Substitution): [string, string] {
  const m = NAME.exec(body);
  if (!m) {
    fail(state, at, `invalid interpolation "\${${body}}"`);
    return ['', ''];
  }
  const name = m[0];
  const rest = body.slice(name.length);
  if (rest === '') return plain(name, lookup, state);
  const op = OPERATORS.find((o) => rest.startsWith(o)) as Operator | undefined;
  if (!op) {
    fail(state, at, `invalid interpolation "\${${body}}": Compose supports only :- - :? ? :+ +`);
    return ['', ''];
  }
  const argument = rest.slice(op.length);
  const argAt = at + 2 + name.length + op.length;
  const v = lookup(name);
  const colon = op.startsWith(':');
  const absent = v === undefined || (colon && v === '');
  switch (op) {
    case ':-':
    case '-':
      if (!absent) return [v!, v!];
      state.defaulted = true;
      return expand(argument, argAt, lookup, state);
    case ':+':
    case '+':
      if (absent) return [v ?? '', v ?? ''];
      return expand(argument, argAt, lookup, state);
    default:
      // Required: Compose stops when it has no value; an audit only notes that the value is unknown.
      if (!absent) return [v!, v!];
      if (!state.unresolved.includes(name)) state.unresolved.push(name);
      return ['', '\u0000'];
  }
}

function fail(state: Substitution, index: number, message: string): void {
  if (!state.error) state.error = { index, message };
}
