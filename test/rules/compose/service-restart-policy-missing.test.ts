import { describe, expect, it } from 'vitest';
import { hits } from './helpers.js';

const rule = 'service-restart-policy-missing';

describe(rule, () => {
  it('accepts restart and deploy.restart_policy, reports neither', async () => {
    const text = [
      'services:',
      '  a:',
      '    image: x/a:1',
      '  b:',
      '    image: x/b:1',
      '    restart: "no"',
      '  c:',
      '    image: x/c:1',
      '    deploy:',
      '      restart_policy:',
      '        condition: on-failure',
      '',
    ].join('\n');
    expect(await hits(rule, text)).toEqual(['2:3-4 info service a: no restart policy']);
  });
});
