import { TOKEN_FORMATS } from './formats.js';

const PREFIXES = TOKEN_FORMATS.flatMap((f) => (f.prefix ? [f.prefix] : []));
const ELLIPSIS = '…';

/** The provider prefix of a known token format (`ghp_`, `AKIA`, `-----BEGIN RSA PRIVATE KEY-----`). */
function knownPrefix(value: string): string {
  for (const p of PREFIXES) {
    const m = p.exec(value);
    if (m) return m[0];
  }
  return '';
}

/**
 * Masks a secret so that people can recognise it without learning it: a known provider prefix is kept
 * (it is public), then at most a quarter of the rest, 4 characters at the very most, is shown (3 at the
 * start and 1 at the end for long values, fewer for short ones; nothing for values under 8 characters).
 * The length of the secret is not revealed.
 */
export function redact(value: string): string {
  const prefix = knownPrefix(value);
  if (prefix.startsWith('-----BEGIN') || prefix.startsWith('PuTTY')) return `${prefix}${ELLIPSIS}`;
  const chars = Array.from(value.slice(prefix.length));
  const n = chars.length;
  let head = 0;
  let tail = 0;
  if (n >= 24) {
    head = 3;
    tail = 1;
  } else if (n >= 16) head = 2;
  else if (n >= 8) head = 1;
  return prefix + chars.slice(0, head).join('') + ELLIPSIS + chars.slice(n - tail).join('');
}
