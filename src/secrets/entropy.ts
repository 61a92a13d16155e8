/** Shannon entropy of a string in bits per character (over UTF-16 code units; secrets are ASCII). */
export function shannonEntropy(value: string): number {
  const n = value.length;
  if (n === 0) return 0;
  const counts = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const c = value.charCodeAt(i);
    counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / n;
    bits -= p * Math.log2(p);
  }
  return bits;
}

export type Charset = 'hex' | 'base64' | 'other';

const HEX = /^[0-9a-fA-F]+$/;
const BASE64ISH = /^[A-Za-z0-9+/=_\-.~]+$/;

/** The alphabet a token is written in: hex digests and base64/base62 tokens score differently. */
export function charsetOf(value: string): Charset {
  if (HEX.test(value)) return 'hex';
  if (BASE64ISH.test(value)) return 'base64';
  return 'other';
}

/**
 * The entropy below which 95% of random base62 tokens of a given length fall (measured by sampling:
 * 16 chars 3.50, 20: 3.78, 24: 3.97, 32: 4.31, 40: 4.55, 64: 4.99, 100: 5.31 bits per character).
 * Between the points the threshold is interpolated; longer tokens use the last point.
 */
const RANDOM_P5: ReadonlyArray<readonly [number, number]> = [
  [16, 3.5],
  [20, 3.78],
  [24, 3.97],
  [32, 4.31],
  [40, 4.55],
  [64, 4.99],
  [100, 5.31],
];

export const MIN_RANDOM_LENGTH = 20;
const MAX_RANDOM_LENGTH = 512;

/** Entropy a random base62 token of this length reaches 95% of the time. */
export function randomEntropyThreshold(length: number): number {
  let prev = RANDOM_P5[0]!;
  if (length <= prev[0]) return prev[1];
  for (const point of RANDOM_P5) {
    if (length <= point[0]) {
      const t = (length - prev[0]) / (point[0] - prev[0]);
      return prev[1] + t * (point[1] - prev[1]);
    }
    prev = point;
  }
  return prev[1];
}

/** Versions (`1.8.0`, `ubi-8.4`), file names (`x.zip`) and dotted or dashed names (`a-b-c-d`). */
const STRUCTURED = /\d\.\d|\.[A-Za-z][A-Za-z0-9]{1,4}$|^[^.]*\.[^.]*\.[^.]*\.|(?:[-_][^-_]*){4,}/;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Share of characters that sit in runs of 5+ letters of one case: identifiers, words and paths score
 * high (0.3 and more), random tokens low (under 0.3 for 95% of them at 20 characters, 98% at 40).
 */
function wordiness(value: string): number {
  let inRuns = 0;
  let run = 0;
  let kind = 0;
  for (let i = 0; i <= value.length; i++) {
    const c = i < value.length ? value.charCodeAt(i) : 0;
    const k = c >= 97 && c <= 122 ? 1 : c >= 65 && c <= 90 ? 2 : 0;
    if (k !== 0 && k === kind) run++;
    else {
      if (run >= 5) inRuns += run;
      run = k !== 0 ? 1 : 0;
      kind = k;
    }
  }
  return inRuns / value.length;
}

/**
 * Whether a token looks like a random secret: 20 to 512 characters of a base64-like alphabet with
 * upper and lower case letters and digits, few word-like runs, and the entropy random tokens of that
 * length reach. Hex strings never qualify on their own: Dockerfiles are full of checksums and key
 * fingerprints; a hex secret is found through its key name instead.
 */
export function looksRandom(value: string): boolean {
  const n = value.length;
  if (n < MIN_RANDOM_LENGTH || n > MAX_RANDOM_LENGTH) return false;
  if (charsetOf(value) !== 'base64' || UUID.test(value) || STRUCTURED.test(value)) return false;
  // Short values with several separators are names (`PSDocker-TestDeps-ubi-9`, `3000/api/Models`).
  if (n < 40 && (value.match(/[-_./]/g)?.length ?? 0) >= 2) return false;
  let upper = 0;
  let lower = 0;
  let digit = 0;
  for (let i = 0; i < n; i++) {
    const c = value.charCodeAt(i);
    if (c >= 65 && c <= 90) upper++;
    else if (c >= 97 && c <= 122) lower++;
    else if (c >= 48 && c <= 57) digit++;
  }
  if (upper === 0 || lower === 0 || digit === 0) return false;
  if (wordiness(value) >= 0.3) return false;
  return shannonEntropy(value) >= randomEntropyThreshold(n);
}
