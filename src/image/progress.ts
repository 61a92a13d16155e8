import { formatBytes } from './format.js';
import type { ReadProgress } from './read.js';

/** A one-line progress display on a terminal (stderr), redrawn at most ten times a second. */
export function terminalProgress(stream: NodeJS.WriteStream): {
  update(p: ReadProgress): void;
  done(): void;
} {
  let last = 0;
  let shown = false;
  const started = Date.now();
  return {
    update(p) {
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      const rate = formatBytes(Math.round(p.bytes / Math.max(0.001, (now - started) / 1000)));
      const text =
        p.phase === 'copy'
          ? `copying image: ${formatBytes(p.bytes)} (${rate}/s)`
          : `reading layer ${p.layer + 1}/${p.layers}: ${formatBytes(p.bytes)}${p.totalBytes ? ` of ${formatBytes(p.totalBytes)}` : ''} (${rate}/s)`;
      stream.write(`\r\x1b[2K${text}`);
      shown = true;
    },
    done() {
      if (shown) stream.write('\r\x1b[2K');
    },
  };
}
