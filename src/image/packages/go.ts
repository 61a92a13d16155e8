import type { Analyzer, ImageFilesystemView, LayerEntry, LayerInfo } from '../analyzer.js';
import type { FoundPackage } from './file-analyzer.js';
import { finalPackages } from './file-analyzer.js';
import {
  GO_BUILDINFO_MAGIC,
  type GoBuildInfo,
  isExecutableFormat,
  parseGoBinary,
  parseGoBuildInfoAt,
} from './go-buildinfo.js';
import { FileHistory } from './history.js';
import type { InventoryProblem, PackagesResult } from './model.js';

/** Go binaries are rarely under this size; smaller executables are not scanned. */
const MIN_BINARY_BYTES = 256 * 1024;
/** Bytes kept after the magic: the version and module text are well under this. */
const TAIL_BYTES = 1024 * 1024;

/** Packages of a Go binary: its modules and the standard library (`stdlib`) at the toolchain version. */
export function goPackages(info: GoBuildInfo): FoundPackage[] {
  const found: FoundPackage[] = [];
  if (info.goVersion.startsWith('go')) {
    found.push({ type: 'golang', name: 'stdlib', version: `v${info.goVersion.slice(2)}` });
  }
  // The main module of a local build has version "(devel)", which says nothing about its contents.
  if (info.main?.version && info.main.version !== '(devel)') {
    found.push({ type: 'golang', name: info.main.path, version: info.main.version });
  }
  for (const dep of info.deps) {
    if (dep.path && dep.version) found.push({ type: 'golang', name: dep.path, version: dep.version });
  }
  return found;
}

/**
 * Scans streamed chunks for the build info magic, keeping only a window after it: memory stays
 * bounded whatever the binary's size. Non-executables are dropped after their first chunk.
 */
export async function scanGoBinaryStream(chunks: AsyncIterable<Buffer>): Promise<GoBuildInfo | null> {
  let first = true;
  let carry = Buffer.alloc(0);
  let window: Buffer[] | null = null;
  let windowBytes = 0;
  // Leaving the loop early ends the iteration: the reader stops handing over chunks of this file.
  for await (const chunk of chunks) {
    if (first) {
      first = false;
      if (!isExecutableFormat(chunk)) return null;
    }
    if (window) {
      window.push(chunk);
      windowBytes += chunk.length;
      if (windowBytes >= TAIL_BYTES) break;
      continue;
    }
    const data = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
    const at = data.indexOf(GO_BUILDINFO_MAGIC);
    if (at !== -1) {
      window = [data.subarray(at)];
      windowBytes = data.length - at;
      if (windowBytes >= TAIL_BYTES) break;
    } else carry = Buffer.from(data.subarray(Math.max(0, data.length - GO_BUILDINFO_MAGIC.length + 1)));
  }
  if (!window) return null;
  return parseGoBuildInfoAt(Buffer.concat(window).subarray(0, TAIL_BYTES));
}

/** Go modules compiled into executables (read from the embedded build info, streamed). */
export function createGoAnalyzer(): Analyzer<PackagesResult> {
  const history = new FileHistory<FoundPackage[]>();
  const problems: InventoryProblem[] = [];
  const record = (entry: LayerEntry, layer: LayerInfo, info: GoBuildInfo | null) => {
    // Executables without build info are not kept: a later non-Go file at the same path still hides
    // an earlier Go binary, because only files written by the final layer count.
    if (info) history.add(entry.path, layer, goPackages(info));
  };
  const fail = (entry: LayerEntry, layer: LayerInfo, error: unknown) => {
    problems.push({ path: entry.path, layer: layer.index, message: (error as Error).message });
    history.add(entry.path, layer, []);
  };
  return {
    name: 'packages:go',
    maxBytes: 512 * 1024 * 1024,
    wants(entry: LayerEntry): boolean {
      return (entry.mode & 0o111) !== 0 && entry.size >= MIN_BINARY_BYTES;
    },
    onEntry(entry: LayerEntry, content: Buffer, layer: LayerInfo): void {
      try {
        record(entry, layer, isExecutableFormat(content) ? parseGoBinary(content) : null);
      } catch (error) {
        fail(entry, layer, error);
      }
    },
    async onStream(entry: LayerEntry, chunks: AsyncIterable<Buffer>, layer: LayerInfo): Promise<void> {
      try {
        record(entry, layer, await scanGoBinaryStream(chunks));
      } catch (error) {
        fail(entry, layer, error);
      }
    },
    finish(fs: ImageFilesystemView): PackagesResult {
      return { packages: finalPackages(history, fs), problems };
    },
  };
}
