import { describe, expect, it } from 'vitest';
import { hits } from './helpers.js';

const rule = 'service-database-port-published';

describe(rule, () => {
  it('reports database ports on all interfaces, by container port', async () => {
    const text = [
      'services:',
      '  db:',
      '    image: postgres:16',
      '    ports: ["5432:5432", "127.0.0.1:5433:5432", "15432:5432"]',
      '  cache:',
      '    image: redis:7',
      '    ports:',
      '      - published: 6380',
      '        target: 6379',
      '  web:',
      '    image: x/web:1',
      '    ports: ["6379:8080"]',
      '  ocis:',
      '    image: owncloud/ocis:5',
      '    ports: ["9200:9200"]',
      '  built:',
      '    build: .',
      '    ports: ["27017:27017"]',
      '',
    ].join('\n');
    expect(await hits(rule, text)).toEqual([
      '4:13-24 warning service db: PostgreSQL port 5432 is published on all host interfaces',
      '4:49-61 warning service db: PostgreSQL port 5432 is published on all host interfaces',
      '8:9-9:21 warning service cache: Redis port 6379 is published on all host interfaces',
      '18:13-26 warning service built: MongoDB port 27017 is published on all host interfaces',
    ]);
  });
});
