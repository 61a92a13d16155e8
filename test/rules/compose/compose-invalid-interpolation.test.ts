import { describe, expect, it } from 'vitest';
import { hits } from './helpers.js';

const rule = 'compose-invalid-interpolation';

describe(rule, () => {
  it('reports expressions Compose refuses, at the expression in plain scalars', async () => {
    const text = [
      'services:',
      '  app:',
      '    image: x/app:1',
      '    command: echo ${HOSTNAME%%.*}',
      '    environment:',
      '      A: "${UNCLOSED"',
      '      B: $$HOME and $1 and ${OK:-fine}',
      '',
    ].join('\n');
    expect(await hits(rule, text)).toEqual([
      '4:19-21 error invalid interpolation "${HOSTNAME%%.*}": Compose supports only :- - :? ? :+ +',
      '6:10-22 error unterminated "${" in "${UNCLOSED"',
    ]);
  });
});
