import type { Span } from '../core/positions.js';

/**
 * Maps offsets in a derived ("logical") text back to offsets in the source text it was cut from.
 * The logical text is a concatenation of source slices; each slice is one segment.
 */
export class OffsetMap {
  /** Logical start offset of each segment, ascending. */
  private readonly logicalStarts: number[] = [];
  private readonly sourceStarts: number[] = [];
  private readonly lengths: number[] = [];
  private total = 0;

  /** Appends the source slice `[sourceStart, sourceStart + length)` to the logical text. */
  push(sourceStart: number, length: number): void {
    if (length <= 0) return;
    const n = this.lengths.length;
    // Merge with the previous segment when contiguous in both texts.
    if (n > 0 && this.sourceStarts[n - 1]! + this.lengths[n - 1]! === sourceStart) {
      this.lengths[n - 1]! += length;
    } else {
      this.logicalStarts.push(this.total);
      this.sourceStarts.push(sourceStart);
      this.lengths.push(length);
    }
    this.total += length;
  }

  get length(): number {
    return this.total;
  }

  /** A map for the logical slice starting at `offset` (offsets of the new map are relative to it). */
  slice(offset: number): OffsetMap {
    const out = new OffsetMap();
    for (let i = 0; i < this.lengths.length; i++) {
      const ls = this.logicalStarts[i]!;
      const len = this.lengths[i]!;
      const le = ls + len;
      if (le <= offset) continue;
      const skip = Math.max(0, offset - ls);
      out.push(this.sourceStarts[i]! + skip, len - skip);
    }
    return out;
  }

  private segmentOf(offset: number, preferPrevious: boolean): number {
    const starts = this.logicalStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      const s = starts[mid]!;
      if (s < offset || (s === offset && !preferPrevious)) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Source offset of a logical start offset. */
  start(offset: number): number {
    if (this.lengths.length === 0) return 0;
    const i = this.segmentOf(offset, false);
    return this.sourceStarts[i]! + Math.min(offset - this.logicalStarts[i]!, this.lengths[i]!);
  }

  /** Source offset of a logical (exclusive) end offset: stays on the line of the last character. */
  end(offset: number): number {
    if (this.lengths.length === 0) return 0;
    const i = this.segmentOf(offset, true);
    return this.sourceStarts[i]! + Math.min(Math.max(0, offset - this.logicalStarts[i]!), this.lengths[i]!);
  }

  span(start: number, end: number): Span {
    const s = this.start(start);
    return { start: s, end: Math.max(s, this.end(end)) };
  }

  /** Number of segments (more than one means the slice crosses a continuation). */
  get segments(): number {
    return this.lengths.length;
  }
}
