import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { redact, scanText } from '../../src/secrets/index.js';
import { FAKE } from './tokens.js';

/** Longest run of the secret's characters that appears, in order, in the redacted text. */
function longestLeak(secret: string, shown: string): number {
  let best = 0;
  for (let i = 0; i < secret.length; i++)
    for (let j = i + 1; j <= secret.length; j++) {
      if (j - i <= best) continue;
      if (shown.includes(secret.slice(i, j))) best = j - i;
      else break;
    }
  return best;
}

describe('redact', () => {
  it('shows nothing of short values', () => {
    expect(redact('hunter2')).toBe('…');
    expect(redact('abc')).toBe('…');
  });

  it('keeps a known provider prefix and a few characters', () => {
    expect(redact(FAKE.github)).toMatch(/^ghp_.{3}….$/u);
    expect(redact(FAKE.awsKeyId)).toMatch(/^AKIA.{2}…$/u);
    expect(redact(FAKE.privateKey)).toBe('-----BEGIN RSA PRIVATE KEY-----…');
  });

  it('never shows more than 3 leading and 1 trailing character past a prefix, nor the length', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 200 }), (value) => {
        const shown = redact(value);
        const visible = shown.replace('…', '');
        expect(Array.from(visible).length).toBeLessThanOrEqual(4);
        expect(redact(`${value}${value}`).length === shown.length || value.length < 24).toBe(true);
      }),
    );
  });

  it('a scanned secret never appears in its redacted form', () => {
    for (const token of Object.values(FAKE)) {
      for (const m of scanText(`X=${token}`)) {
        const secret = `X=${token}`.slice(m.start, m.end);
        expect(m.redacted.includes(secret)).toBe(false);
        // The shown head is the public provider prefix (at most 11 characters, or a key block's
        // BEGIN line) plus at most 3 characters; after it, at most 1 more character shows.
        let head = 0;
        while (head < secret.length && secret[head] === m.redacted[head]) head++;
        const prefixLimit =
          m.kind === 'private-key' ? /^-----BEGIN[ A-Z]* PRIVATE KEY-----/.exec(secret)![0].length : 11 + 3;
        expect(head).toBeLessThanOrEqual(prefixLimit);
        expect(longestLeak(secret.slice(head), m.redacted.slice(head))).toBeLessThanOrEqual(1);
      }
    }
  });
});
