import { describe, expect, it } from 'vitest';
import { composeRules } from '../../../src/rules/compose/index.js';
import { hits } from './helpers.js';

const rule = 'service-privileged-port';

describe(rule, () => {
  it('is off by default', () => {
    expect(composeRules.find((r) => r.id === rule)?.enabledByDefault).toBe(false);
  });

  it('reports published host ports below 1024', async () => {
    const text = [
      'services:',
      '  web:',
      '    image: x/web:1',
      '    ports:',
      '      - "80:8080"',
      '      - "127.0.0.1:443:8443"',
      '      - "8080:80"',
      '      - 22',
      '      - "100-200:100-200"',
      '',
    ].join('\n');
    expect(await hits(rule, text)).toEqual([
      '5:9-18 info service web: host port 80 is a privileged port (below 1024)',
      '6:9-29 info service web: host port 443 is a privileged port (below 1024)',
      '9:9-26 info service web: host port 100 is a privileged port (below 1024)',
    ]);
  });
});
