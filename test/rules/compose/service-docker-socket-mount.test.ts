import { describe, expect, it } from 'vitest';
import { hits } from './helpers.js';

const rule = 'service-docker-socket-mount';

describe(rule, () => {
  it('reports engine sockets and the folders that hold them, in short and long syntax', async () => {
    const text = [
      'services:',
      '  proxy:',
      '    image: traefik:v3.1',
      '    volumes:',
      '      - /var/run/docker.sock:/var/run/docker.sock:ro',
      '      - //var/run/docker.sock:/tmp/docker.sock',
      '      - type: bind',
      '        source: /run/containerd/containerd.sock',
      '        target: /run/containerd/containerd.sock',
      '      - /var/run:/host/var/run',
      '      - ./data:/data',
      '      - docker.sock:/x',
      '      - ${DOCKER_SOCK}:/run/docker.sock:ro',
      '      - ${DATA}:/data',
      '',
    ].join('\n');
    expect(await hits(rule, text)).toEqual([
      '5:9-53 error service proxy: mounting /var/run/docker.sock gives the container root on the host',
      '6:9-47 error service proxy: mounting /var/run/docker.sock gives the container root on the host',
      '7:9-9:48 error service proxy: mounting /run/containerd/containerd.sock gives the container root on the host',
      '10:9-31 error service proxy: mounting /var/run gives the container root on the host',
      '13:9-43 error service proxy: mounts a host socket at /run/docker.sock, which gives the container root on the host',
    ]);
  });
});
