/**
 * Bounds that keep reading an image finite in time and memory whatever the input (DESIGN §2b,
 * hostile archives). Each can be raised by the caller for unusual but legitimate images.
 */
export interface ReadLimits {
  /** Largest manifest, index or config JSON document, in bytes. */
  maxJsonBytes: number;
  /** Largest uncompressed layer, in bytes. */
  maxLayerBytes: number;
  /** Largest sum of uncompressed layers, in bytes. */
  maxImageBytes: number;
  /** Largest expansion factor of a compressed layer (uncompressed / compressed bytes)... */
  maxRatio: number;
  /** ...checked once a layer has produced this many uncompressed bytes (small layers may compress well). */
  ratioFloorBytes: number;
  /** Most tar entries in the whole image (the filesystem model grows with them). */
  maxEntries: number;
  /** Longest entry name or link target, in bytes (Linux's PATH_MAX). */
  maxPathBytes: number;
  /** Most layers in one image. */
  maxLayers: number;
}

export const DEFAULT_LIMITS: Readonly<ReadLimits> = Object.freeze({
  maxJsonBytes: 8 * 1024 * 1024,
  maxLayerBytes: 64 * 1024 ** 3,
  maxImageBytes: 256 * 1024 ** 3,
  // gzip cannot exceed ~1032:1, so a ratio limit under that catches gzip bombs; real layers are 2-10:1.
  maxRatio: 500,
  ratioFloorBytes: 128 * 1024 * 1024,
  maxEntries: 5_000_000,
  maxPathBytes: 4096,
  maxLayers: 1000,
});

export function resolveLimits(partial?: Partial<ReadLimits>): ReadLimits {
  return { ...DEFAULT_LIMITS, ...(partial ?? {}) };
}
