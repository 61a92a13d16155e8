import type { Analyzer, LayerEntry, LayerInfo } from './analyzer.js';
import { describeError } from './errors.js';
import type { EntryBody } from './layer-reader.js';
import type { AnalyzerProblem, SkippedEntry } from './model.js';

/** A bounded hand-over of chunks to one streaming analyzer (at most a few chunks in flight). */
class ChunkChannel implements AsyncIterable<Buffer> {
  private readonly queue: Buffer[] = [];
  private closed = false;
  private abandoned = false;
  private wakeConsumer: (() => void) | null = null;
  private wakeProducer: (() => void) | null = null;

  async put(chunk: Buffer): Promise<void> {
    if (this.abandoned) return;
    this.queue.push(chunk);
    this.wakeConsumer?.();
    while (this.queue.length >= 4 && !this.abandoned) await new Promise<void>((r) => (this.wakeProducer = r));
  }

  close(): void {
    this.closed = true;
    this.wakeConsumer?.();
  }

  [Symbol.asyncIterator](): AsyncIterator<Buffer> {
    return {
      next: async () => {
        while (this.queue.length === 0 && !this.closed)
          await new Promise<void>((r) => (this.wakeConsumer = r));
        const value = this.queue.shift();
        this.wakeProducer?.();
        return value === undefined ? { value: undefined, done: true } : { value, done: false };
      },
      return: async () => {
        this.abandon();
        return { value: undefined, done: true };
      },
    };
  }

  abandon(): void {
    this.abandoned = true;
    this.queue.length = 0;
    this.wakeProducer?.();
  }
}

/**
 * Hands each regular file of a layer to the analyzers that want it: whole (up to their `maxBytes`) or as
 * a stream. An analyzer that throws is reported and switched off; the read goes on.
 */
export class Dispatcher {
  readonly problems: AnalyzerProblem[] = [];
  readonly skipped: SkippedEntry[] = [];
  private readonly failed = new Set<Analyzer<unknown>>();

  constructor(private readonly analyzers: readonly Analyzer<unknown>[]) {}

  private fail(
    a: Analyzer<unknown>,
    error: unknown,
    entry: LayerEntry | null,
    layer: LayerInfo | null,
  ): void {
    this.failed.add(a);
    this.problems.push({
      analyzer: a.name,
      message: describeError(error),
      layer: layer ? layer.index : null,
      path: entry ? `/${entry.path}` : null,
    });
  }

  get active(): Analyzer<unknown>[] {
    return this.analyzers.filter((a) => !this.failed.has(a));
  }

  async dispatch(entry: LayerEntry, body: EntryBody, layer: LayerInfo): Promise<void> {
    if (entry.type !== 'file') return;
    const whole: Analyzer<unknown>[] = [];
    const streams: Analyzer<unknown>[] = [];
    for (const a of this.analyzers) {
      if (this.failed.has(a)) continue;
      let wanted: boolean;
      try {
        wanted = a.wants(entry, layer);
      } catch (error) {
        this.fail(a, error, entry, layer);
        continue;
      }
      if (!wanted) continue;
      if (a.onStream) streams.push(a);
      else if (entry.size <= a.maxBytes) whole.push(a);
      else if (this.skipped.length < 10_000)
        this.skipped.push({ analyzer: a.name, path: `/${entry.path}`, layer: layer.index, size: entry.size });
    }
    if (whole.length === 0 && streams.length === 0) return;
    const content = whole.length > 0 ? Buffer.allocUnsafe(entry.size) : null;
    let filled = 0;
    const channels = streams.map(() => new ChunkChannel());
    // An analyzer that returns before the end of the content stops receiving it.
    const running = streams.map((a, i) =>
      a.onStream!(entry, channels[i]!, layer).then(
        () => channels[i]!.abandon(),
        (error: unknown) => {
          channels[i]!.abandon();
          this.fail(a, error, entry, layer);
        },
      ),
    );
    for await (const chunk of body) {
      if (content) {
        const n = Math.min(chunk.length, content.length - filled);
        chunk.copy(content, filled, 0, n);
        filled += n;
      }
      for (const c of channels) await c.put(chunk);
    }
    for (const c of channels) c.close();
    await Promise.all(running);
    if (!content) return;
    const data = filled === content.length ? content : content.subarray(0, filled);
    for (const a of whole) {
      try {
        a.onEntry(entry, data, layer);
      } catch (error) {
        this.fail(a, error, entry, layer);
      }
    }
  }

  finish<V>(view: V & Parameters<Analyzer<unknown>['finish']>[0]): Map<Analyzer<unknown>, unknown> {
    const results = new Map<Analyzer<unknown>, unknown>();
    for (const a of this.analyzers) {
      if (this.failed.has(a)) continue;
      try {
        results.set(a, a.finish(view));
      } catch (error) {
        this.fail(a, error, null, null);
      }
    }
    return results;
  }
}
