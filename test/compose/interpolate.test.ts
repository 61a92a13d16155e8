import { describe, expect, it } from 'vitest';
import { substitute } from '../../src/compose/interpolate.js';

const env: Record<string, string> = { SET: 'value', EMPTY: '', FALLBACK: 'fallback' };
const lookup = (name: string) => env[name];

describe('substitute', () => {
  it.each([
    ['plain text', 'plain text'],
    ['$SET', 'value'],
    ['${SET}', 'value'],
    ['a-${SET}-b', 'a-value-b'],
    ['$SET_SUFFIX', ''],
    ['${SET}_SUFFIX', 'value_SUFFIX'],
    ['${UNSET:-default}', 'default'],
    ['${EMPTY:-default}', 'default'],
    ['${EMPTY-default}', ''],
    ['${UNSET-default}', 'default'],
    ['${SET:-default}', 'value'],
    ['${SET:+alt}', 'alt'],
    ['${EMPTY:+alt}', ''],
    ['${EMPTY+alt}', 'alt'],
    ['${UNSET+alt}', ''],
    ['${UNSET:-${FALLBACK}}', 'fallback'],
    ['${UNSET:-${ALSO_UNSET:-deep}}', 'deep'],
    ['${UNSET:-{"json": 1}}', '{"json": 1}'],
    ['$$SET', '$SET'],
    ['$${SET}', '${SET}'],
    ['cost: $$5', 'cost: $5'],
    ['$1 and $ alone and $', '$1 and $ alone and $'],
    ['${SET:?must be set}', 'value'],
  ])('%s → %s', (template, expected) => {
    const s = substitute(template, lookup);
    expect(s.error).toBeNull();
    expect(s.value).toBe(expected);
  });

  it('marks variables without value or default as unresolved, and where they are', () => {
    const s = substitute('${HOST_IP}:${PORT:-80}:$TARGET', lookup);
    expect(s.value).toBe(':80:');
    expect(s.unresolved).toEqual(['HOST_IP', 'TARGET']);
    expect(s.masked).toBe('\u0000:80:\u0000');
    expect(s.defaulted).toBe(true);
  });

  it('treats a required variable without value as unknown, not as an error', () => {
    const s = substitute('${DB_PASSWORD:?set it}', lookup);
    expect(s.error).toBeNull();
    expect(s.value).toBe('');
    expect(s.unresolved).toEqual(['DB_PASSWORD']);
    expect(substitute('${EMPTY?x}', lookup).unresolved).toEqual([]);
    expect(substitute('${EMPTY:?x}', lookup).unresolved).toEqual(['EMPTY']);
  });

  it.each([
    ['${}', 0, 'invalid interpolation "${}"'],
    ['ab ${VAR/a/b}', 3, 'invalid interpolation "${VAR/a/b}": Compose supports only :- - :? ? :+ +'],
    ['${VAR:0:3}', 0, 'invalid interpolation "${VAR:0:3}": Compose supports only :- - :? ? :+ +'],
    ['x ${UNCLOSED', 2, 'unterminated "${" in "${UNCLOSED"'],
    ['${1abc}', 0, 'invalid interpolation "${1abc}"'],
  ])('rejects %s', (template, index, message) => {
    expect(substitute(template, lookup).error).toEqual({ index, message });
  });
});
