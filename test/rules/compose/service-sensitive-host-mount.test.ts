import { describe, expect, it } from 'vitest';
import { hits } from './helpers.js';

const rule = 'service-sensitive-host-mount';

describe(rule, () => {
  it('reports system folders and credentials, read-only ones as info', async () => {
    const text = [
      'services:',
      '  agent:',
      '    image: x/agent:1',
      '    volumes:',
      '      - /:/host',
      '      - /proc:/host/proc:ro',
      '      - ~/.ssh:/root/.ssh',
      '      - ${HOME}/.aws:/root/.aws:ro',
      '      - /etc/localtime:/etc/localtime:ro',
      '      - /etc/nginx/conf.d:/etc/nginx/conf.d',
      '      - /home/me/media:/media',
      '      - /var/run/docker.sock:/var/run/docker.sock',
      '      - data:/data',
      '      - /run/dbus/system_bus_socket:/run/dbus/system_bus_socket',
      '',
    ].join('\n');
    expect(await hits(rule, text)).toEqual([
      "5:9-16 warning service agent: mounts the host's / read-write",
      "6:9-28 info service agent: mounts the host's /proc (read-only)",
      "7:9-26 warning service agent: mounts the host's ~/.ssh read-write",
      "8:9-35 info service agent: mounts the host's ~/.aws (read-only)",
      "14:9-64 warning service agent: mounts the host's /run/dbus/system_bus_socket read-write",
    ]);
  });

  it('reads long syntax read_only', async () => {
    const text =
      'services:\n  a:\n    image: x/a:1\n    volumes:\n      - {type: bind, source: /etc, target: /host/etc, read_only: true}\n';
    expect(await hits(rule, text)).toEqual(["5:9-71 info service a: mounts the host's /etc (read-only)"]);
  });
});
