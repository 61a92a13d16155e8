import { expand, type Scope } from '../../../dockerfile/variables.js';
import { splitWords } from '../../../dockerfile/words.js';

/** Every name is set, to a value that names it: shows which variables end up where. */
const NAMED: Scope = {
  get: (name) => `\u0001${name}\u0002`,
  has: () => true,
  open: false,
};
/** No name is set: exercises the `:-` / `-` defaults and drops `:+` / `+` words. */
const UNSET: Scope = { get: () => undefined, has: () => false, open: false };

/** Whether two raw texts mean the same string to BuildKit's word lexer, whatever the variables hold. */
export function sameMeaning(a: string, b: string, escape: string): boolean {
  return (
    expand(a, NAMED, escape).value === expand(b, NAMED, escape).value &&
    expand(a, UNSET, escape).value === expand(b, UNSET, escape).value
  );
}

/**
 * The legacy `KEY value…` value (the rest of the line, one word to BuildKit's lexer, spaces kept) as a
 * single word for `KEY=value`, or null when no rewrite is certain to keep its meaning: unbalanced quotes,
 * a `#` (kept out of caution), or a text the lexer reads differently once quoted.
 */
export function legacyValueAsWord(value: string, escape: string): string | null {
  if (value.includes('#')) return null;
  const candidate = isOneWord(value, escape) ? value : doubleQuoted(value, escape);
  if (candidate === null || !isOneWord(candidate, escape)) return null;
  return sameMeaning(value, candidate, escape) ? candidate : null;
}

function isOneWord(text: string, escape: string): boolean {
  if (!balanced(text, escape)) return false;
  return splitWords(`k=${text}`, escape).length === 1;
}

function balanced(text: string, escape: string): boolean {
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote === "'") {
      if (c === "'") quote = '';
    } else if (c === escape) i++;
    else if (quote === '"') {
      if (c === '"') quote = '';
    } else if (c === '"' || c === "'") quote = c;
  }
  return quote === '';
}

/** Rewrites a value as one double-quoted string with the same characters (variables left to expand). */
function doubleQuoted(value: string, escape: string): string | null {
  const literal = (c: string) => (c === '"' || c === '$' || c === escape ? escape + c : c);
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c === escape) {
      const next = value[i + 1];
      if (next !== undefined) out += literal(next);
      i++;
    } else if (c === "'") {
      const close = value.indexOf("'", i + 1);
      if (close === -1) return null;
      for (const ch of value.slice(i + 1, close)) out += literal(ch);
      i = close;
    } else if (c === '"') {
      let j = i + 1;
      while (j < value.length && value[j] !== '"') j += value[j] === escape ? 2 : 1;
      if (j >= value.length) return null;
      out += value.slice(i + 1, j);
      i = j;
    } else out += c;
  }
  return `"${out}"`;
}
