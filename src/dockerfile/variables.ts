/**
 * Variable substitution as BuildKit's shell lexer does it for Dockerfile instructions
 * (FROM, COPY, ADD, ENV, LABEL, ARG defaults, EXPOSE, USER, WORKDIR, VOLUME, STOPSIGNAL and flags):
 * `$VAR`, `${VAR}`, `${VAR:-word}`, `${VAR-word}`, `${VAR:+word}`, `${VAR+word}`, `${VAR:?msg}`,
 * `${VAR#pat}`, `${VAR%pat}` (literal patterns), quotes and escapes.
 */

/** A variable's value, or `null` when it is declared but its value cannot be known (build arg, base image). */
export type VarValue = string | null;

export interface Scope {
  get(name: string): VarValue | undefined;
  has(name: string): boolean;
  /** True when names not declared here may still be set (the base image's environment is unknown). */
  readonly open: boolean;
}

export interface Expansion {
  value: string;
  /** False when a variable with an unknown value took part. */
  complete: boolean;
  /** Names used but not declared anywhere in scope. */
  undefinedNames: string[];
  /** Names used whose value is unknown. */
  unknownNames: string[];
}

export class MapScope implements Scope {
  constructor(
    readonly vars: ReadonlyMap<string, VarValue>,
    readonly open: boolean,
  ) {}
  get(name: string): VarValue | undefined {
    return this.vars.get(name);
  }
  has(name: string): boolean {
    return this.vars.has(name);
  }
}

export const EMPTY_SCOPE: Scope = new MapScope(new Map(), false);

const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;

/** Substitutes variables in a word as written (quotes and escapes processed). */
export function expand(raw: string, scope: Scope, escape = '\\'): Expansion {
  const state: Expansion = { value: '', complete: true, undefinedNames: [], unknownNames: [] };
  if (
    raw.indexOf('$') === -1 &&
    raw.indexOf("'") === -1 &&
    raw.indexOf('"') === -1 &&
    raw.indexOf(escape) === -1
  ) {
    state.value = raw;
    return state;
  }
  state.value = lex(raw, 0, raw.length, scope, escape, state, false).text;
  return state;
}

/** Names referenced by `$NAME` / `${NAME…}` in a word (outside single quotes). */
export function referencedNames(raw: string, escape = '\\'): string[] {
  const names: string[] = [];
  let quote = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (quote === "'") {
      if (c === "'") quote = '';
      continue;
    }
    if (c === escape) {
      i++;
      continue;
    }
    if (c === '"') quote = quote ? '' : '"';
    else if (c === "'" && !quote) quote = "'";
    else if (c === '$') {
      let j = i + 1;
      const braced = raw[j] === '{';
      if (braced) j++;
      const start = j;
      while (j < raw.length && (j === start ? NAME_START.test(raw[j]!) : NAME_CHAR.test(raw[j]!))) j++;
      if (j > start) names.push(raw.slice(start, j));
    }
  }
  return names;
}

function lex(
  raw: string,
  from: number,
  to: number,
  scope: Scope,
  escape: string,
  state: Expansion,
  inDouble: boolean,
): { text: string; end: number } {
  let out = '';
  let i = from;
  while (i < to) {
    const c = raw[i]!;
    if (!inDouble && c === "'") {
      const close = raw.indexOf("'", i + 1);
      const end = close === -1 || close >= to ? to : close;
      out += raw.slice(i + 1, end);
      i = end + 1;
      continue;
    }
    if (c === '"' && !inDouble) {
      let j = i + 1;
      // Find the closing quote, skipping escapes and nested ${…}.
      let depth = 0;
      while (j < to) {
        const d = raw[j]!;
        if (d === escape) j += 2;
        else if (d === '$' && raw[j + 1] === '{') {
          depth++;
          j += 2;
        } else if (d === '}' && depth > 0) {
          depth--;
          j++;
        } else if (d === '"' && depth === 0) break;
        else j++;
      }
      out += lex(raw, i + 1, Math.min(j, to), scope, escape, state, true).text;
      i = j + 1;
      continue;
    }
    if (c === escape) {
      const n = raw[i + 1];
      if (n === undefined || i + 1 >= to) {
        i++;
        continue;
      }
      if (inDouble && n !== '"' && n !== '$' && n !== escape) out += c;
      out += n;
      i += 2;
      continue;
    }
    if (c === '$') {
      const r = dollar(raw, i, to, scope, escape, state);
      out += r.text;
      i = r.end;
      continue;
    }
    out += c;
    i++;
  }
  return { text: out, end: i };
}

function lookup(name: string, scope: Scope, state: Expansion): VarValue | undefined {
  const v = scope.get(name);
  if (v === undefined) {
    if (scope.open) {
      state.complete = false;
      if (!state.unknownNames.includes(name)) state.unknownNames.push(name);
      return null;
    }
    if (!state.undefinedNames.includes(name)) state.undefinedNames.push(name);
    return undefined;
  }
  if (v === null) {
    state.complete = false;
    if (!state.unknownNames.includes(name)) state.unknownNames.push(name);
  }
  return v;
}

function dollar(
  raw: string,
  i: number,
  to: number,
  scope: Scope,
  escape: string,
  state: Expansion,
): { text: string; end: number } {
  const next = raw[i + 1];
  if (next === '{') {
    let j = i + 2;
    const start = j;
    while (j < to && NAME_CHAR.test(raw[j]!)) j++;
    const name = raw.slice(start, j);
    // Find the matching brace.
    let depth = 1;
    let k = j;
    while (k < to && depth > 0) {
      if (raw[k] === escape) k++;
      else if (raw[k] === '{') depth++;
      else if (raw[k] === '}') depth--;
      if (depth > 0) k++;
    }
    const close = Math.min(k, to);
    const modifier = raw.slice(j, close);
    const end = close + 1;
    if (!name) return { text: raw.slice(i, end), end };
    const value = lookup(name, scope, state);
    const set = value !== undefined && value !== null;
    const nonEmpty = set && value !== '';
    const word = () => {
      const op = modifier.startsWith(':') ? 2 : 1;
      return lex(raw, j + op, close, scope, escape, state, false).text;
    };
    if (modifier === '') return { text: value ?? '', end };
    if (modifier.startsWith(':-')) return { text: nonEmpty ? value! : value === null ? '' : word(), end };
    if (modifier.startsWith('-')) return { text: set ? value! : value === null ? '' : word(), end };
    if (modifier.startsWith(':+')) return { text: nonEmpty ? word() : '', end };
    if (modifier.startsWith('+')) return { text: set ? word() : '', end };
    if (modifier.startsWith(':?') || modifier.startsWith('?')) return { text: value ?? '', end };
    if (modifier.startsWith('#') || modifier.startsWith('%')) {
      const longest = modifier[1] === modifier[0];
      const pattern = lex(raw, j + (longest ? 2 : 1), close, scope, escape, state, false).text;
      return { text: trimPattern(value ?? '', pattern, modifier[0] === '#', longest), end };
    }
    return { text: value ?? '', end };
  }
  if (next !== undefined && NAME_START.test(next)) {
    let j = i + 1;
    while (j < to && NAME_CHAR.test(raw[j]!)) j++;
    const value = lookup(raw.slice(i + 1, j), scope, state);
    return { text: value ?? '', end: j };
  }
  return { text: '$', end: i + 1 };
}

/** `${VAR#pattern}` / `${VAR%pattern}` with glob `*` and `?`. */
function trimPattern(value: string, pattern: string, prefix: boolean, longest: boolean): string {
  const re = new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
    's',
  );
  const n = value.length;
  if (prefix) {
    if (longest) {
      for (let k = n; k >= 0; k--) if (re.test(value.slice(0, k))) return value.slice(k);
    } else {
      for (let k = 0; k <= n; k++) if (re.test(value.slice(0, k))) return value.slice(k);
    }
  } else if (longest) {
    for (let k = 0; k <= n; k++) if (re.test(value.slice(k))) return value.slice(0, k);
  } else {
    for (let k = n; k >= 0; k--) if (re.test(value.slice(k))) return value.slice(0, k);
  }
  return value;
}

/** ARGs BuildKit defines by itself: usable in FROM without a declaration, in a stage once declared. */
export const AUTOMATIC_ARGS = [
  'BUILDPLATFORM',
  'BUILDOS',
  'BUILDARCH',
  'BUILDVARIANT',
  'TARGETPLATFORM',
  'TARGETOS',
  'TARGETARCH',
  'TARGETVARIANT',
  'TARGETSTAGE',
] as const;

/** ARGs Docker accepts without a declaration (proxy settings, BuildKit switches). */
export const PREDEFINED_ARGS = [
  'HTTP_PROXY',
  'http_proxy',
  'HTTPS_PROXY',
  'https_proxy',
  'FTP_PROXY',
  'ftp_proxy',
  'NO_PROXY',
  'no_proxy',
  'ALL_PROXY',
  'all_proxy',
  'SOURCE_DATE_EPOCH',
  'BUILDKIT_CONTEXT_KEEP_GIT_DIR',
  'BUILDKIT_INLINE_CACHE',
  'BUILDKIT_MULTI_PLATFORM',
  'BUILDKIT_SANDBOX_HOSTNAME',
  'BUILDKIT_SYNTAX',
  'BUILDKIT_CACHE_MOUNT_NS',
  'BUILDKIT_DOCKERFILE_CHECK',
] as const;
