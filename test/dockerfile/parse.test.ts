import { describe, expect, it } from 'vitest';
import { parseDockerfile } from '../../src/dockerfile/parse.js';

const region = (text: string, span: { start: number; end: number }) =>
  parseDockerfile(text).lines.region(span);

describe('parseDockerfile basics', () => {
  it('joins continuations and keeps exact positions of words on later lines', () => {
    const src = 'FROM alpine\nRUN apk add \\\n    # note\n    curl\n';
    const f = parseDockerfile(src);
    const run = f.instructions[1]!;
    expect(run.argsText).toBe('apk add     curl');
    const curl = run.words.find((w) => w.value === 'curl')!;
    expect(f.lines.region(curl.span)).toEqual({ line: 4, column: 5, endLine: 4, endColumn: 9 });
    expect(f.comments.map((c) => [c.text, c.inContinuation])).toEqual([['note', true]]);
  });

  it('reads region of a whole instruction', () => {
    expect(region('FROM a\n', parseDockerfile('FROM a\n').instructions[0]!.span)).toEqual({
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 7,
    });
  });
});
