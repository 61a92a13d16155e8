import { describe, expect, it } from 'vitest';
import { firstPort, isAllInterfaces, parsePort } from '../../src/compose/ports.js';
import { parseVolume } from '../../src/compose/volumes.js';

describe('parsePort', () => {
  it.each([
    ['3000', { hostIp: null, published: null, target: '3000', protocol: 'tcp' }],
    ['8000:8000', { hostIp: null, published: '8000', target: '8000', protocol: 'tcp' }],
    ['9090-9091:8080-8081', { hostIp: null, published: '9090-9091', target: '8080-8081', protocol: 'tcp' }],
    ['127.0.0.1:8001:8001', { hostIp: '127.0.0.1', published: '8001', target: '8001', protocol: 'tcp' }],
    ['127.0.0.1::5000', { hostIp: '127.0.0.1', published: '', target: '5000', protocol: 'tcp' }],
    ['6060:6060/UDP', { hostIp: null, published: '6060', target: '6060', protocol: 'udp' }],
    ['::1:6000:6000', { hostIp: '::1', published: '6000', target: '6000', protocol: 'tcp' }],
    ['[::1]:6001:6001', { hostIp: '::1', published: '6001', target: '6001', protocol: 'tcp' }],
  ])('%s', (spec, expected) => {
    expect(parsePort(spec)).toEqual(expected);
  });

  it('knows all-interface addresses and the first port of a range', () => {
    expect([null, '0.0.0.0', '::', '127.0.0.1', '10.0.0.1'].map(isAllInterfaces)).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
    expect([firstPort('8000-8002'), firstPort('443'), firstPort('${P}')]).toEqual([8000, 443, null]);
  });
});

describe('parseVolume', () => {
  it.each([
    ['/data', { source: null, target: '/data', mode: null, type: 'volume' }],
    ['db:/var/lib/db', { source: 'db', target: '/var/lib/db', mode: null, type: 'volume' }],
    ['./conf:/etc/app:ro', { source: './conf', target: '/etc/app', mode: 'ro', type: 'bind' }],
    ['~/x:/x:ro,z', { source: '~/x', target: '/x', mode: 'ro,z', type: 'bind' }],
    ['C:\\data:/data', { source: 'C:\\data', target: '/data', mode: null, type: 'bind' }],
    [
      '/var/run/docker.sock:/var/run/docker.sock',
      { source: '/var/run/docker.sock', target: '/var/run/docker.sock', mode: null, type: 'bind' },
    ],
  ])('%s', (spec, expected) => {
    expect(parseVolume(spec)).toEqual(expected);
  });
});
