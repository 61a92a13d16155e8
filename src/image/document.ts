import type { Span } from '../core/positions.js';
import { LineIndex } from '../core/positions.js';
import type { ImageModel } from './model.js';

/**
 * Positions for image findings. An image has no source text, so findings point at its history:
 * line N is history entry N (1-based, oldest first, as in the config); findings about the image as a
 * whole point at the last entry. With a Dockerfile, `lint.ts` moves findings on mapped entries to the
 * instruction's own line. The text is a plain list and never holds values from the image.
 */
export class ImageAnchors {
  readonly lines: LineIndex;
  private readonly count: number;

  constructor(private readonly model: ImageModel) {
    this.count = Math.max(1, model.history.length);
    const text = Array.from({ length: this.count }, (_, i) => `history ${i + 1}`).join('\n');
    this.lines = new LineIndex(`${text}\n`);
  }

  /** Span of history entry `index` (0-based). */
  step(index: number): Span {
    const i = Math.max(0, Math.min(index, this.count - 1));
    const start = this.lines.offsetOfLine(i + 1);
    return { start, end: this.lines.lineContentEnd(i) };
  }

  /** The image as a whole: its last history entry. */
  image(): Span {
    return this.step(this.count - 1);
  }

  /** The entry that produced a layer, else the image. */
  layer(index: number): Span {
    const step = this.model.layers[index]?.step;
    return step ? this.step(step.index) : this.image();
  }

  /** The last entry of a keyword whose arguments satisfy `test`, else the image. */
  lastStep(keyword: string, test: (args: string) => boolean = () => true): Span {
    for (let i = this.model.history.length - 1; i >= 0; i--) {
      const s = this.model.history[i]!;
      if (s.keyword === keyword && test(s.args)) return this.step(i);
    }
    return this.image();
  }

  /** The entry that set an environment variable (`ENV NAME=…`). */
  env(name: string): Span {
    return this.lastStep('ENV', (args) => new RegExp(`(?:^|\\s)${escape(name)}[=\\s]`).test(args));
  }

  label(name: string): Span {
    return this.lastStep('LABEL', (args) => args.includes(name));
  }

  /** The history entry number (1-based) a span points at. */
  entryOf(span: Span): number {
    return this.lines.lineOf(span.start) + 1;
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
