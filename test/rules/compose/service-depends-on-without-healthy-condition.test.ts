import { describe, expect, it } from 'vitest';
import { hits } from './helpers.js';

const rule = 'service-depends-on-without-healthy-condition';

describe(rule, () => {
  it('reports short and service_started dependencies on services that have a health check', async () => {
    const text = [
      'services:',
      '  api:',
      '    image: x/api:1',
      '    depends_on: [db, cache, worker]',
      '  web:',
      '    image: x/web:1',
      '    depends_on:',
      '      db:',
      '        condition: service_started',
      '      api:',
      '        condition: service_healthy',
      '  db:',
      '    image: postgres:16',
      '    healthcheck:',
      '      test: ["CMD", "pg_isready"]',
      '  cache:',
      '    image: redis:7',
      '  worker:',
      '    build: .',
      '',
    ].join('\n');
    const files = { Dockerfile: 'FROM alpine:3.20\nHEALTHCHECK CMD true\n' };
    expect(await hits(rule, text, { files })).toEqual([
      '4:18-20 info service api: depends on db, which has a healthcheck; use `condition: service_healthy`',
      '4:29-35 info service api: depends on worker, which has a healthcheck; use `condition: service_healthy`',
      '8:7-9 info service web: depends on db, which has a healthcheck; use `condition: service_healthy`',
    ]);
  });
});
