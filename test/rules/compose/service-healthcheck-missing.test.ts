import { describe, expect, it } from 'vitest';
import { hits } from './helpers.js';

const rule = 'service-healthcheck-missing';

describe(rule, () => {
  it('reports services without any health check', async () => {
    const text = [
      'services:',
      '  plain:',
      '    image: x/a:1',
      '  checked:',
      '    image: x/b:1',
      '    healthcheck:',
      '      test: ["CMD", "true"]',
      '  off:',
      '    image: x/c:1',
      '    healthcheck:',
      '      disable: true',
      '  built:',
      '    build: .',
      '  tuned:',
      '    image: x/d:1',
      '    healthcheck:',
      '      interval: 10s',
      '',
    ].join('\n');
    const files = {
      Dockerfile: 'FROM alpine:3.20\nHEALTHCHECK CMD wget -q --spider http://localhost/ || exit 1\n',
    };
    expect(await hits(rule, text, { files })).toEqual(['2:3-8 info service plain: no healthcheck']);
  });

  it('reports a build whose Dockerfile turns the check off', async () => {
    const text = 'services:\n  built:\n    build: .\n';
    const files = { Dockerfile: 'FROM alpine:3.20\nHEALTHCHECK NONE\n' };
    expect(await hits(rule, text, { files })).toEqual(['2:3-8 info service built: no healthcheck']);
  });
});
