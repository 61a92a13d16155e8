import { describe, expect, it } from 'vitest';
import { hits } from './helpers.js';

const rule = 'service-privileged';

describe(rule, () => {
  it('reports privileged: true and interpolated true values', async () => {
    const text = [
      'services:',
      '  a:',
      '    image: x/a:1',
      '    privileged: true',
      '  b:',
      '    image: x/b:1',
      '    privileged: ${PRIV:-true}',
      '  c:',
      '    image: x/c:1',
      '    privileged: false',
      '  d:',
      '    image: x/d:1',
      '    privileged: ${PRIV}',
      '',
    ].join('\n');
    expect(await hits(rule, text)).toEqual([
      '4:17-21 error service a: `privileged: true` gives the container full control of the host',
      '7:17-30 error service b: `privileged: true` gives the container full control of the host',
    ]);
  });
});
