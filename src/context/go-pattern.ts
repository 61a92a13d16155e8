/**
 * Docker's .dockerignore pattern semantics (moby/patternmatcher and Go's path/filepath), for Linux
 * daemons: `/` separates path elements and `\` escapes the next character.
 */
import { Re2Error, re2ToRegExp } from './re2.js';

/** Go's `filepath.Clean` for slash-separated paths. */
export function cleanPath(path: string): string {
  if (path === '') return '.';
  const rooted = path.startsWith('/');
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!rooted) out.push('..');
      continue;
    }
    out.push(part);
  }
  const joined = out.join('/');
  if (rooted) return `/${joined}`;
  return joined === '' ? '.' : joined;
}

/**
 * Checks a pattern against the grammar of Go's `filepath.Match` (which Docker calls only to reject bad
 * patterns): a `\` needs a character after it, and a `[` class needs at least one range, ranges may not
 * start with `-` or `]`, and the class must be closed. Returns null when valid, else Go's message.
 */
export function globSyntaxError(pattern: string): string | null {
  const cps = Array.from(pattern);
  const n = cps.length;
  const bad = 'syntax error in pattern';
  let i = 0;
  // One character of a class range (Go's getEsc): not `-` or `]`, `\` escapes, and more must follow.
  const esc = (): boolean => {
    if (i >= n || cps[i] === '-' || cps[i] === ']') return false;
    if (cps[i] === '\\') {
      i++;
      if (i >= n) return false;
    }
    i++;
    return i < n;
  };
  while (i < n) {
    const c = cps[i]!;
    if (c === '\\') {
      if (i + 1 >= n) return bad;
      i += 2;
    } else if (c === '[') {
      i++;
      if (cps[i] === '^') i++;
      let ranges = 0;
      for (;;) {
        if (i < n && cps[i] === ']' && ranges > 0) {
          i++;
          break;
        }
        if (!esc()) return bad;
        if (cps[i] === '-') {
          i++;
          if (!esc()) return bad;
        }
        ranges++;
      }
    } else i++;
  }
  return null;
}

/** Characters moby/patternmatcher escapes before handing a pattern to Go's regexp. */
const REGEXP_ESCAPED = new Set(['.', '+', '(', ')', '|', '{', '}', '$']);

export type CompiledPattern =
  | { type: 'exact'; text: string }
  | { type: 'prefix'; prefix: string }
  | { type: 'suffix'; suffix: string }
  | { type: 'regexp'; regexp: RegExp };

/**
 * Compiles a cleaned pattern (without its `!`) the way moby/patternmatcher does, including its fast
 * paths: a pattern without wildcards matches exactly; `foo/**` is a string prefix test (so `foo**` also
 * matches `foobar`); a pattern that starts with `**` and has no other wildcard is a string suffix test
 * (so `**foo` matches `xfoo`). Throws `Re2Error` when Go's regexp would reject the pattern.
 */
export function compilePattern(pattern: string): CompiledPattern {
  let compiled = compiledPatterns.get(pattern);
  if (!compiled) {
    if (compiledPatterns.size >= MAX_CACHED_PATTERNS) compiledPatterns.clear();
    compiled = compileUncached(pattern);
    compiledPatterns.set(pattern, compiled);
  }
  return compiled;
}

// Compiled patterns are immutable (their RegExps have no state), so every ignore file and proposal shares
// them: an audit compiles the same proposal patterns once per context otherwise.
const compiledPatterns = new Map<string, CompiledPattern>();
const MAX_CACHED_PATTERNS = 10_000;

function compileUncached(pattern: string): CompiledPattern {
  const cps = Array.from(pattern);
  let re = '^';
  let type: 'exact' | 'prefix' | 'suffix' | 'regexp' = 'exact';
  let i = 0;
  for (let iteration = 0; i < cps.length; iteration++) {
    const ch = cps[i++]!;
    if (ch === '*') {
      if (cps[i] === '*') {
        i++;
        if (cps[i] === '/') i++;
        if (i >= cps.length) {
          if (type === 'exact') type = 'prefix';
          else {
            re += '.*';
            type = 'regexp';
          }
        } else {
          re += '(.*/)?';
          type = 'regexp';
        }
        if (iteration === 0) type = 'suffix';
      } else {
        re += '[^/]*';
        type = 'regexp';
      }
    } else if (ch === '?') {
      re += '[^/]';
      type = 'regexp';
    } else if (REGEXP_ESCAPED.has(ch)) {
      re += `\\${ch}`;
    } else if (ch === '\\') {
      if (i < cps.length) {
        re += `\\${cps[i++]}`;
        type = 'regexp';
      } else re += '\\';
    } else if (ch === '[' || ch === ']') {
      re += ch;
      type = 'regexp';
    } else re += ch;
  }
  switch (type) {
    case 'exact':
      return { type, text: pattern };
    case 'prefix':
      return { type, prefix: pattern.slice(0, -2) };
    case 'suffix':
      return { type, suffix: pattern.slice(2) };
    default:
      return { type, regexp: re2ToRegExp(`${re}$`) };
  }
}

export function matchCompiled(p: CompiledPattern, path: string): boolean {
  switch (p.type) {
    case 'exact':
      return path === p.text;
    case 'prefix':
      return path.startsWith(p.prefix);
    case 'suffix':
      // `**/foo` also matches `foo` itself.
      return path.endsWith(p.suffix) || (p.suffix.startsWith('/') && path === p.suffix.slice(1));
    default:
      return p.regexp.test(path);
  }
}

export { Re2Error };
