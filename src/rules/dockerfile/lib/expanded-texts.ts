import type { Span } from '../../../core/positions.js';
import type { Flag, Instruction, Word } from '../../../dockerfile/model.js';
import { spanInWord } from './buildkit-text.js';

/** A piece of an instruction that BuildKit runs through its variable lexer. */
export interface ExpandedText {
  /** The text as written (quotes and escapes kept). */
  raw: string;
  /** Source span of characters `[from, to)` of `raw`. */
  at(from: number, to: number): Span;
}

/** Flags whose value BuildKit expands (booleans such as --link have none to expand). */
const EXPANDED_FLAGS: Record<string, readonly string[]> = {
  COPY: ['from', 'chown', 'chmod', 'exclude'],
  ADD: ['chown', 'chmod', 'checksum', 'exclude'],
  RUN: ['mount'],
};

/**
 * What BuildKit expands in a stage instruction (FROM is read with the global scope and left out):
 * COPY/ADD sources, destination and flags, ENV and LABEL keys and values, ARG defaults, EXPOSE, USER,
 * WORKDIR, VOLUME, STOPSIGNAL and RUN --mount options. Heredoc bodies are not included.
 */
export function expandedTexts(inst: Instruction, source: string): ExpandedText[] {
  const out: ExpandedText[] = [];
  const wordText = (w: Word) => {
    if (w.raw.startsWith('<<')) return;
    out.push({ raw: w.raw, at: (from, to) => spanInWord(inst, w, from, to) });
  };
  const flagTexts = (names: readonly string[] | undefined) => {
    if (!names) return;
    for (const f of inst.flags) if (names.includes(f.name)) flagText(f, source, out);
  };
  switch (inst.keyword) {
    case 'COPY':
    case 'ADD':
      flagTexts(EXPANDED_FLAGS[inst.keyword]);
      if (inst.json) for (const w of inst.words) out.push({ raw: w.value, at: () => w.span });
      else for (const w of inst.words) wordText(w);
      break;
    case 'RUN':
      flagTexts(EXPANDED_FLAGS.RUN);
      break;
    case 'ENV':
    case 'LABEL':
      // Two texts per pair, key then value (callers rely on the order).
      for (const p of inst.pairs) {
        const key = { raw: source.slice(p.keySpan.start, p.keySpan.end), value: p.key, span: p.keySpan };
        const value = { raw: p.rawValue, value: p.value, span: p.valueSpan };
        out.push({ raw: key.raw, at: (from, to) => spanInWord(inst, key, from, to) });
        out.push({ raw: value.raw, at: (from, to) => spanInWord(inst, value, from, to) });
      }
      break;
    case 'ARG':
      for (const a of inst.args)
        if (a.rawValue !== null && a.valueSpan)
          wordText({ raw: a.rawValue, value: a.value ?? '', span: a.valueSpan });
      break;
    case 'EXPOSE':
    case 'VOLUME':
      if (inst.json) for (const w of inst.items) out.push({ raw: w.value, at: () => w.span });
      else for (const w of inst.items) wordText(w);
      break;
    case 'USER':
    case 'WORKDIR':
    case 'STOPSIGNAL':
      if (inst.argsText) out.push({ raw: inst.argsText, at: (from, to) => inst.map.span(from, to) });
      break;
  }
  return out;
}

function flagText(f: Flag, source: string, out: ExpandedText[]): void {
  if (!f.valueSpan || f.value === null) return;
  const raw = source.slice(f.valueSpan.start, f.valueSpan.end);
  const span = f.valueSpan;
  // A value broken by a line continuation is reported as a whole.
  if (raw.includes('\n')) out.push({ raw: f.value, at: () => span });
  else out.push({ raw, at: (from, to) => ({ start: span.start + from, end: span.start + to }) });
}
