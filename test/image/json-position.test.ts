import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonErrorOffset } from '../../src/image/json-position.js';
import { parseJson } from '../../src/image/oci.js';

describe('jsonErrorOffset', () => {
  it('finds where malformed JSON stops being valid', () => {
    expect(jsonErrorOffset('{"a": [1, 2}')).toBe(11);
    expect(jsonErrorOffset('[{"Config": "c.json",\n "Layers": [')).toBe(34);
    expect(jsonErrorOffset('{"a" 1}')).toBe(5);
    expect(jsonErrorOffset('[1,]')).toBe(3);
    expect(jsonErrorOffset('"\\x"')).toBe(1);
    expect(jsonErrorOffset('{} x')).toBe(3);
    expect(jsonErrorOffset('['.repeat(100_000))).toBe(100_000);
  });

  it('accepts every valid JSON text (returns -1) and never throws on mutations', () => {
    fc.assert(
      fc.property(fc.json(), (json) => {
        expect(jsonErrorOffset(json)).toBe(-1);
      }),
      { numRuns: 300, seed: 1 },
    );
    fc.assert(
      fc.property(
        fc.json(),
        fc.nat(),
        fc.constantFrom('}', ']', ',', ':', '"', 'x', ''),
        (json, at, insert) => {
          const p = at % (json.length + 1);
          const text = json.slice(0, p) + insert + json.slice(p + (insert ? 0 : 1));
          let valid = true;
          try {
            JSON.parse(text);
          } catch {
            valid = false;
          }
          expect(jsonErrorOffset(text) === -1).toBe(valid);
        },
      ),
      { numRuns: 1000, seed: 2 },
    );
  });

  it('reports line and column in input errors', () => {
    expect(() => parseJson('{\n  "a": }', 'img.tar', 'manifest.json')).toThrow(
      'manifest.json: malformed JSON at line 2, column 8:',
    );
  });
});
