import { describe, expect, it } from 'vitest';
import { hits } from './helpers.js';

const rule = 'service-logging-unbounded';

describe(rule, () => {
  it('reports default logging and json-file without max-size', async () => {
    const text = [
      'services:',
      '  a:',
      '    image: x/a:1',
      '  b:',
      '    image: x/b:1',
      '    logging:',
      '      driver: json-file',
      '  c:',
      '    image: x/c:1',
      '    logging:',
      '      options: {max-size: 10m, max-file: "3"}',
      '  d:',
      '    image: x/d:1',
      '    logging:',
      '      driver: local',
      '  e:',
      '    image: x/e:1',
      '    logging:',
      '      driver: syslog',
      '',
    ].join('\n');
    expect(await hits(rule, text)).toEqual([
      '2:3-4 info service a: no `logging` limits; the default json-file driver grows without bound',
      '6:5-12 info service b: json-file logging without `max-size` grows without bound',
    ]);
  });
});
