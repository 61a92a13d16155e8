import { describe, expect, it } from 'vitest';
import { hits } from './helpers.js';

const rule = 'service-port-all-interfaces';

describe(rule, () => {
  it('reports ports without a host address, not loopback or specific addresses', async () => {
    const text = [
      'services:',
      '  web:',
      '    image: x/web:1',
      '    ports:',
      '      - "8080:80"',
      '      - 3000',
      '      - "0.0.0.0:9000:9000/udp"',
      '      - "127.0.0.1:8081:80"',
      '      - "[::1]:8082:80"',
      '      - "192.168.1.10:8083:80"',
      '      - "${BIND_IP}:8084:80"',
      '      - "${WEB_PORT}:80"',
      '      - "${WEB_PORT:-8085}:80"',
      '      - target: 443',
      '        published: "8443"',
      '      - "5432:5432"',
      '  db:',
      '    image: postgres:16',
      '    ports: ["5432:5432"]',
      '',
    ].join('\n');
    expect(await hits(rule, text)).toEqual([
      '5:9-18 info service web: port 8080 is published on all host interfaces',
      '6:9-13 info service web: port 3000 (random host port) is published on all host interfaces',
      '7:9-32 info service web: port 9000 is published on all host interfaces',
      '13:9-31 info service web: port 8085 is published on all host interfaces',
      '14:9-15:26 info service web: port 8443 is published on all host interfaces',
      '16:9-20 info service web: port 5432 is published on all host interfaces',
    ]);
  });
});
