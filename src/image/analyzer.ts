/**
 * The contract between the image reader and the analyzers that look at an image's files
 * (DESIGN §2b): one streaming pass over the layers, in order; each analyzer says which entries it
 * wants and receives only those. No analyzer reads the tar itself; nothing is extracted to disk.
 */

export type EntryType = 'file' | 'dir' | 'symlink' | 'hardlink' | 'other';

/** One entry of a layer tar, with its path normalized (no leading `./` or `/`, no trailing `/`). */
export interface LayerEntry {
  path: string;
  type: EntryType;
  /** Content size in bytes (0 for non-files). */
  size: number;
  /** Permission bits including setuid/setgid/sticky (e.g. 0o4755). */
  mode: number;
  uid: number;
  gid: number;
  /** Target of a symlink or hard link. */
  linkname: string | null;
  mtime: number | null;
}

export interface LayerInfo {
  /** 0-based index of the layer in the image (base layers first). */
  index: number;
  /** Digest of the layer (diff_id when known, else the blob digest). */
  digest: string;
}

/** Final view of the image filesystem, available when the analyzers finish. */
export interface ImageFilesystemView {
  /** The entry a path resolves to in the final image, or null when it was deleted or never existed. */
  get(path: string): (LayerEntry & { layer: number }) | null;
  /**
   * Additions of the image reader (optional, so that test doubles need not provide them): the entry at
   * a path without following a final symlink, and every entry of the final image, parents first.
   */
  lstat?(path: string): (LayerEntry & { layer: number }) | null;
  entries?(): Iterable<LayerEntry & { layer: number }>;
}

export interface Analyzer<R> {
  /** Stable name, used in errors and timings. */
  readonly name: string;
  /** Whether the analyzer wants an entry's content. Called for every regular file of every layer. */
  wants(entry: LayerEntry, layer: LayerInfo): boolean;
  /** Largest content the analyzer accepts for one entry; bigger wanted entries are skipped and reported. */
  readonly maxBytes: number;
  /** Receives a wanted entry with its full content (entries up to `maxBytes`). */
  onEntry(entry: LayerEntry, content: Buffer, layer: LayerInfo): void;
  /**
   * Optional: receives a wanted entry's content as a stream of chunks instead, whatever its size
   * (for large files such as Go binaries); when present it is used instead of `onEntry`.
   */
  onStream?(entry: LayerEntry, chunks: AsyncIterable<Buffer>, layer: LayerInfo): Promise<void>;
  /** Called once after the last layer, with the final filesystem (for whiteouts and overrides). */
  finish(fs: ImageFilesystemView): R;
}
