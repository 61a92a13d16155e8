import { looksRandom, secretKeyStrength, TOKEN_FORMATS } from '../../../secrets/index.js';

/**
 * Cheap tests that decide whether a value is worth handing to the shared secret detector. They only
 * skip values the detector would not report anyway; the detector stays the judge.
 */

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Any keyword of any known token format (the detector's own first test, merged into one). */
const ANY_KEYWORD = new RegExp([...new Set(TOKEN_FORMATS.flatMap((f) => f.keywords))].map(escape).join('|'));

/** Whether a value could hold a known token format or a URL password. */
export function mayHoldToken(value: string): boolean {
  // Every known token format is longer than 15 characters; a URL password needs `://` and `@`.
  if (value.includes('@') && value.includes('://')) return true;
  return value.length >= 16 && ANY_KEYWORD.test(value);
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
