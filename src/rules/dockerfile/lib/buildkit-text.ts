import type { Span } from '../../../core/positions.js';
import type { Instruction, Word } from '../../../dockerfile/model.js';

/** Whether a word sits on one stretch of source (no line continuation inside it). */
export function isContiguous(word: { raw: string; span: Span }): boolean {
  return word.span.end - word.span.start === word.raw.length;
}

/**
 * Source span of the characters `[from, to)` of a word's raw text. Inside a word that crosses a line
 * continuation the offsets are mapped through the instruction's logical line.
 */
export function spanInWord(inst: Instruction, word: Word, from: number, to: number): Span {
  if (isContiguous(word)) return { start: word.span.start + from, end: word.span.start + to };
  const logical = logicalStartOf(inst, word.span.start);
  if (logical === null) return word.span;
  return inst.map.span(logical + from, logical + to);
}

/** Logical offset in `inst.argsText` whose source offset is `source`, or null. */
function logicalStartOf(inst: Instruction, source: number): number | null {
  const text = inst.argsText;
  for (let i = 0; i < text.length; i++) if (inst.map.start(i) === source) return i;
  return null;
}

/** Replaces a word's text when it sits on one line; null when a continuation runs through it. */
export function replaceWord(word: { raw: string; span: Span }, text: string) {
  return isContiguous(word) ? [{ start: word.span.start, end: word.span.end, text }] : null;
}
