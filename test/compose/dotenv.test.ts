import { describe, expect, it } from 'vitest';
import { parseDotenv } from '../../src/compose/dotenv.js';

describe('parseDotenv', () => {
  it('reads the forms Compose reads', () => {
    const text = [
      '# comment',
      '',
      'PLAIN=value',
      'export EXPORTED=yes',
      'SPACED = around ',
      'INLINE=value # comment',
      'HASH=a#b',
      "SINGLE='literal ${PLAIN} # kept'",
      'DOUBLE="line1\\nline2 ${PLAIN}"',
      'MULTI="first',
      'second"',
      'REF=${PLAIN}-${FROM_ENV}',
      'EMPTY=',
      'COLON: yaml-ish',
      'not a pair',
      '\r',
    ].join('\n');
    const vars = parseDotenv(text, (n) => (n === 'FROM_ENV' ? 'env' : undefined));
    expect(Object.fromEntries(vars)).toEqual({
      PLAIN: 'value',
      EXPORTED: 'yes',
      SPACED: 'around',
      INLINE: 'value',
      HASH: 'a#b',
      SINGLE: 'literal ${PLAIN} # kept',
      DOUBLE: 'line1\nline2 value',
      MULTI: 'first\nsecond',
      REF: 'value-env',
      EMPTY: '',
      COLON: 'yaml-ish',
    });
  });

  it('reads CRLF files', () => {
    expect(Object.fromEntries(parseDotenv('A=1\r\nB="2"\r\n'))).toEqual({ A: '1', B: '2' });
  });
});
