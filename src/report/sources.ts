import { LineIndex } from '../core/positions.js';

/**
 * Line indexes of the source texts a reporter received, built on first use. Finding positions and fix
 * offsets refer to the text without its byte-order mark (as the parser reads it), so the BOM is dropped.
 */
export class SourceLines {
  private readonly indexes = new Map<string, LineIndex | null>();

  constructor(private readonly sources: ReadonlyMap<string, string> | undefined) {}

  of(file: string): LineIndex | null {
    let index = this.indexes.get(file);
    if (index === undefined) {
      const text = this.sources?.get(file);
      index = text === undefined ? null : new LineIndex(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
      this.indexes.set(file, index);
    }
    return index;
  }
}

/** Paths as reports show them: forward slashes, no leading `./`. */
export function reportPath(file: string): string {
  return file.replace(/\\/g, '/').replace(/^(?:\.\/)+/, '');
}
