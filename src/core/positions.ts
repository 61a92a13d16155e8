/** A half-open range of UTF-16 offsets into a source text (`end` is exclusive). */
export interface Span {
  start: number;
  end: number;
}

/** A 1-based line/column position. */
export interface Position {
  line: number;
  column: number;
}

/**
 * A 1-based region. `endColumn` is exclusive (the column just after the last character), as in SARIF
 * and most editors, so a one-character token at column 5 has `column: 5, endColumn: 6`.
 */
export interface Region {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** Maps offsets of one text to line/column positions; built once per file, queried by binary search. */
export class LineIndex {
  readonly lineStarts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** 0-based line number of an offset. */
  lineOf(offset: number): number {
    const starts = this.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  position(offset: number): Position {
    const line = this.lineOf(offset);
    return { line: line + 1, column: offset - this.lineStarts[line]! + 1 };
  }

  /** Offset where a 1-based line starts. */
  offsetOfLine(line: number): number {
    return this.lineStarts[Math.max(0, Math.min(line - 1, this.lineStarts.length - 1))]!;
  }

  /** End offset of a 0-based line's content, before its `\n` or `\r\n`. */
  lineContentEnd(line0: number): number {
    const next = this.lineStarts[line0 + 1];
    if (next === undefined) return this.text.length;
    let end = next - 1;
    if (end > 0 && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  region(span: Span): Region {
    const start = this.position(span.start);
    // An empty span still marks one column, so editors can show it.
    const end = this.position(Math.max(span.end, span.start));
    return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
  }
}
