import { createHash, type Hash } from 'node:crypto';

/** An OCI content digest (`algorithm:hex`); only the algorithms registries use are accepted. */
export interface Digest {
  algorithm: 'sha256' | 'sha512';
  hex: string;
}

const DIGEST = /^(sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128})$/;

export function isDigest(value: unknown): value is string {
  return typeof value === 'string' && DIGEST.test(value);
}

/** Parses a digest string; null when it is not a valid sha256/sha512 digest (so it is safe in paths). */
export function parseDigest(value: unknown): Digest | null {
  if (!isDigest(value)) return null;
  const colon = value.indexOf(':');
  return { algorithm: value.slice(0, colon) as Digest['algorithm'], hex: value.slice(colon + 1) };
}

export function digestOf(data: Uint8Array | string, algorithm: Digest['algorithm'] = 'sha256'): string {
  return `${algorithm}:${createHash(algorithm).update(data).digest('hex')}`;
}

/** Incremental digest of a stream of chunks. */
export class DigestAccumulator {
  private readonly hash: Hash;

  constructor(readonly algorithm: Digest['algorithm'] = 'sha256') {
    this.hash = createHash(algorithm);
  }

  update(chunk: Uint8Array): void {
    this.hash.update(chunk);
  }

  digest(): string {
    return `${this.algorithm}:${this.hash.digest('hex')}`;
  }
}

/** A digest shortened for display (`sha256:1a2b3c4d5e6f`). */
export function shortDigest(digest: string): string {
  const colon = digest.indexOf(':');
  return colon === -1 ? digest.slice(0, 12) : digest.slice(0, colon + 13);
}
