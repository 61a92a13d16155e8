import type { Span } from '../../../core/positions.js';
import type { FromInstruction } from '../../../dockerfile/model.js';
import { spanInWord } from './buildkit-text.js';
import type { ExpandedText } from './expanded-texts.js';

/** The texts of a FROM BuildKit expands with the global ARGs: the image and `--platform`. */
export function fromTexts(from: FromInstruction, source: string): ExpandedText[] {
  const out: ExpandedText[] = [];
  const flag = from.platform;
  if (flag?.valueSpan && flag.value !== null) {
    const span: Span = flag.valueSpan;
    const raw = source.slice(span.start, span.end);
    if (raw.includes('\n')) out.push({ raw: flag.value, at: () => span });
    else out.push({ raw, at: (a, b) => ({ start: span.start + a, end: span.start + b }) });
  }
  const image = from.image;
  if (image) out.push({ raw: image.raw, at: (a, b) => spanInWord(from, image, a, b) });
  return out;
}
