import { describe, expect, it } from 'vitest';
import { hits } from './helpers.js';

const rule = 'service-host-namespace';

describe(rule, () => {
  it('reports host network, pid and ipc namespaces', async () => {
    const text = [
      'services:',
      '  a:',
      '    image: x/a:1',
      '    network_mode: host',
      '    pid: "host"',
      '    ipc: host',
      '  b:',
      '    image: x/b:1',
      '    network_mode: "service:a"',
      '    pid: service:a',
      '',
    ].join('\n');
    expect(await hits(rule, text)).toEqual([
      "4:19-23 warning service a: `network_mode: host` shares the host's network stack (every host port and interface, no isolation)",
      "5:10-16 warning service a: `pid: host` shares the host's processes (it can see and signal them)",
      "6:10-14 warning service a: `ipc: host` shares the host's shared memory and IPC",
    ]);
  });
});
