import { describe, expect, it } from 'vitest';
import { hits } from './helpers.js';

const rule = 'service-resource-limits-missing';

describe(rule, () => {
  it('checks memory and CPU limits in both forms', async () => {
    const text = [
      'services:',
      '  none:',
      '    image: x/a:1',
      '  mem:',
      '    image: x/b:1',
      '    mem_limit: 512m',
      '  both:',
      '    image: x/c:1',
      '    mem_limit: 512m',
      '    cpus: 0.5',
      '  deployed:',
      '    image: x/d:1',
      '    deploy:',
      '      resources:',
      '        limits: {cpus: "1", memory: 1g}',
      '  cpu:',
      '    image: x/e:1',
      '    deploy:',
      '      resources:',
      '        limits: {cpus: "1"}',
      '',
    ].join('\n');
    expect(await hits(rule, text)).toEqual([
      '2:3-7 info service none: no memory or CPU limit',
      '4:3-6 info service mem: no CPU limit',
      '16:3-6 info service cpu: no memory limit',
    ]);
  });
});
