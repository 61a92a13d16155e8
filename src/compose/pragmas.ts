import { parsePragmas } from '../config/pragmas.js';
import type { Span } from '../core/positions.js';
import type { SourceFile } from './model.js';

/** Rule keys suppressed in a file: everywhere (`global ignore`) or inside project-wide offset ranges. */
export interface FileSuppressions {
  global: Set<string>;
  ranges: Array<{ start: number; end: number; keys: Set<string> }>;
}

/**
 * YAML comment pragmas: `# dockaudit ignore=<id|code>[,…]` on its own line applies to the next key (the
 * whole entry: a service's name key covers the service), at the end of a line to that line's key;
 * `# dockaudit global ignore=…` applies to the whole file; `# hadolint ignore=…` to the next line.
 */
export function fileSuppressions(file: SourceFile): FileSuppressions {
  const out: FileSuppressions = { global: new Set(), ranges: [] };
  if (file.pragmaComments.length === 0) return out;
  const lineOf = (offset: number) => file.lines.position(offset - file.base).line;
  const trailing = new Map<number, boolean>();
  const comments = file.pragmaComments.map((c) => {
    const line = lineOf(c.offset);
    trailing.set(line, c.trailing);
    return { text: c.text, line };
  });
  const pragmas = parsePragmas(comments);
  for (const k of pragmas.global) out.global.add(k);
  for (const [line, keys] of pragmas.nextInstruction) {
    const target = trailing.get(line) ? line : nextContentLine(file, line);
    if (target !== null) out.ranges.push({ ...entryRange(file, target), keys });
  }
  for (const [line, keys] of pragmas.byLine) {
    if (line <= file.lines.lineCount) out.ranges.push({ ...entryRange(file, line), keys });
  }
  return out;
}

export function isSuppressed(s: FileSuppressions, keys: readonly string[], span: Span): boolean {
  if (keys.some((k) => s.global.has(k))) return true;
  for (const r of s.ranges)
    if (span.start >= r.start && span.start < r.end && keys.some((k) => r.keys.has(k))) return true;
  return false;
}

/** The first line after `line` (1-based) that is neither blank nor only a comment. */
function nextContentLine(file: SourceFile, line: number): number | null {
  for (let l = line + 1; l <= file.lines.lineCount; l++) {
    const start = file.lines.lineStarts[l - 1]!;
    const content = file.text.slice(start, file.lines.lineContentEnd(l - 1)).trim();
    if (content !== '' && !content.startsWith('#')) return l;
  }
  return null;
}

/** The outermost entry (pair or sequence item) that starts on a line, or the line itself. */
function entryRange(file: SourceFile, line: number): Span {
  const lineStart = file.base + file.lines.lineStarts[line - 1]!;
  const lineEnd = file.base + file.lines.lineContentEnd(line - 1);
  let best: Span | null = null;
  for (const e of file.entries) {
    if (e.start < lineStart || e.start > lineEnd) continue;
    if (!best || e.start < best.start || (e.start === best.start && e.end > best.end)) best = e;
  }
  return best
    ? { start: best.start, end: Math.max(best.end, lineEnd) }
    : { start: lineStart, end: lineEnd + 1 };
}
