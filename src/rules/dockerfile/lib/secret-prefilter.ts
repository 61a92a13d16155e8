import { looksRandom, secretKeyStrength, TOKEN_FORMATS } from '../../../secrets/index.js';

/**
 * Cheap tests that decide whether a value is worth handing to the shared secret detector. They only
 * skip values the detector would not report anyway; the detector stays the judge.
 */

/**
 * The keywords of every known token format (the detector's own first test), by their first two
 * characters: one pass over a word finds any of them (a regular expression with 60 alternatives is
 * far slower on long words).
 */
const BY_PAIR = new Map<number, string[]>();
for (const k of new Set(TOKEN_FORMATS.flatMap((f) => f.keywords))) {
  const pair = k.charCodeAt(0) * 65536 + k.charCodeAt(1);
  const list = BY_PAIR.get(pair);
  if (list) list.push(k);
  else BY_PAIR.set(pair, [k]);
}

function hasKeyword(value: string): boolean {
  for (let i = 0; i + 1 < value.length; i++) {
    const list = BY_PAIR.get(value.charCodeAt(i) * 65536 + value.charCodeAt(i + 1));
    if (list) for (const k of list) if (value.startsWith(k, i)) return true;
  }
  return false;
}

/** Whether a value could hold a known token format or a URL password. */
export function mayHoldToken(value: string): boolean {
  // Every known token format is longer than 15 characters; a URL password needs `://` and `@`.
  if (value.includes('@') && value.includes('://')) return true;
  return value.length >= 16 && hasKeyword(value);
}

/** Whether a named value is worth judging: the name hints at a secret, or the value could be one. */
export function worthChecking(name: string, value: string): boolean {
  if (value.length < 3) return false;
  if (secretNameHint(name)) return true;
  return mayHoldToken(value) || looksRandom(value.trim());
}

const HINT = /pass|pwd|secret|token|key|auth|cred|salt|pepper|sig|bearer|dsn|cookie|hmac|api|psk|claim/i;

function secretNameHint(name: string): boolean {
  return HINT.test(name);
}

const strengths = new Map<string, ReturnType<typeof secretKeyStrength>>();

/** `secretKeyStrength`, remembered: Dockerfiles repeat the same few hundred names. */
export function keyStrength(name: string): ReturnType<typeof secretKeyStrength> {
  let s = strengths.get(name);
  if (s === undefined) {
    s = secretNameHint(name) ? secretKeyStrength(name) : null;
    if (strengths.size > 20000) strengths.clear();
    strengths.set(name, s);
  }
  return s;
}
