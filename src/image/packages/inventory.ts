import type { Analyzer, ImageFilesystemView, LayerEntry, LayerInfo } from '../analyzer.js';
import { createApkAnalyzer } from './apk.js';
import { createDpkgAnalyzer } from './dpkg.js';
import { createGoAnalyzer } from './go.js';
import { createJavaAnalyzer } from './java.js';
import type { Inventory, InventoryProblem, PackagesResult } from './model.js';
import { createNodeAnalyzer } from './node.js';
import { createOsReleaseAnalyzer } from './os-release.js';
import { completePackages } from './purl.js';
import { createPythonAnalyzer } from './python.js';
import { createRpmAnalyzer } from './rpm/rpmdb.js';

export type Ecosystem = 'dpkg' | 'apk' | 'rpm' | 'python' | 'node' | 'go' | 'java';
export const ECOSYSTEMS: readonly Ecosystem[] = ['dpkg', 'apk', 'rpm', 'python', 'node', 'go', 'java'];

const FACTORIES: Record<Ecosystem, () => Analyzer<PackagesResult>> = {
  dpkg: createDpkgAnalyzer,
  apk: createApkAnalyzer,
  rpm: createRpmAnalyzer,
  python: createPythonAnalyzer,
  node: createNodeAnalyzer,
  go: createGoAnalyzer,
  java: createJavaAnalyzer,
};

export interface InventoryOptions {
  /** Ecosystems to read (all by default). */
  ecosystems?: readonly Ecosystem[];
}

/**
 * One analyzer for the whole inventory: the OS and every package reader. It asks each reader in turn
 * (the readers' `wants` are cheap string tests) and remembers, per entry, which of them wanted it.
 */
export function createInventoryAnalyzer(options: InventoryOptions = {}): Analyzer<Inventory> {
  const os = createOsReleaseAnalyzer();
  const readers = (options.ecosystems ?? ECOSYSTEMS).map((e) => FACTORIES[e]());
  const all: Array<Analyzer<unknown>> = [os, ...readers];
  const skipped: InventoryProblem[] = [];
  let lastEntry: LayerEntry | null = null;
  let lastWanted: Array<Analyzer<unknown>> = [];
  const none: Array<Analyzer<unknown>> = [];
  // Called for every entry of every layer: most entries are wanted by no reader, and then nothing is
  // allocated; the list is built only for the few that some reader wants.
  const wantedBy = (entry: LayerEntry, layer: LayerInfo): Array<Analyzer<unknown>> => {
    if (entry === lastEntry) return lastWanted;
    lastEntry = entry;
    let first = 0;
    while (first < all.length && !all[first]!.wants(entry, layer)) first++;
    if (first === all.length) return (lastWanted = none);
    lastWanted = [];
    for (let i = first; i < all.length; i++) {
      const a = all[i]!;
      if (i > first && !a.wants(entry, layer)) continue;
      if (!a.onStream && entry.size > a.maxBytes) {
        skipped.push({
          path: entry.path,
          layer: layer.index,
          message: `${a.name}: ${entry.size} bytes is over its ${a.maxBytes}-byte limit`,
        });
      } else lastWanted.push(a);
    }
    return lastWanted;
  };
  return {
    name: 'packages',
    maxBytes: Math.max(...all.map((a) => a.maxBytes)),
    wants(entry: LayerEntry, layer: LayerInfo): boolean {
      return wantedBy(entry, layer).length > 0;
    },
    onEntry(entry: LayerEntry, content: Buffer, layer: LayerInfo): void {
      for (const analyzer of wantedBy(entry, layer)) analyzer.onEntry(entry, content, layer);
    },
    async onStream(entry: LayerEntry, chunks: AsyncIterable<Buffer>, layer: LayerInfo): Promise<void> {
      const wanted = wantedBy(entry, layer);
      // Streaming readers (Go) take the chunks as they come; whole-file readers get the content once.
      const streaming = wanted.filter((a) => a.onStream);
      const whole = wanted.filter((a) => !a.onStream);
      if (whole.length === 0 && streaming.length === 1) return streaming[0]!.onStream!(entry, chunks, layer);
      const parts: Buffer[] = [];
      for await (const chunk of chunks) parts.push(chunk);
      const content = Buffer.concat(parts);
      for (const a of whole) a.onEntry(entry, content, layer);
      for (const a of streaming) {
        await a.onStream!(entry, single(content), layer);
      }
    },
    finish(fs: ImageFilesystemView): Inventory {
      const found = os.finish(fs);
      const records = [];
      const problems = [...skipped];
      for (const reader of readers) {
        try {
          const result = reader.finish(fs);
          records.push(...result.packages);
          problems.push(...result.problems);
        } catch (error) {
          // A reader's bug must not cost the other readers' packages.
          problems.push({ path: '', layer: -1, message: `${reader.name}: ${(error as Error).message}` });
        }
      }
      return { os: found, packages: completePackages(records, found), problems };
    },
  };
}

async function* single(content: Buffer): AsyncIterable<Buffer> {
  yield content;
}
