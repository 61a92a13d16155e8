import { describe, expect, it } from 'vitest';
import { hits } from './helpers.js';

const rule = 'service-cap-add';

describe(rule, () => {
  it('reports dangerous capabilities as warnings and others as info unless ALL is dropped', async () => {
    const text = [
      'services:',
      '  vpn:',
      '    image: x/vpn:1',
      '    cap_add:',
      '      - NET_ADMIN',
      '      - cap_sys_admin',
      '      - SYS_NICE',
      '      - NET_RAW',
      '  web:',
      '    image: x/web:1',
      '    cap_drop: [ALL]',
      '    cap_add: [NET_BIND_SERVICE, SYS_PTRACE]',
      '',
    ].join('\n');
    expect(await hits(rule, text)).toEqual([
      '5:9-18 warning service vpn: `cap_add: NET_ADMIN` grants a capability that can control the host',
      '6:9-22 warning service vpn: `cap_add: SYS_ADMIN` grants a capability that can control the host',
      '7:9-17 info service vpn: `cap_add: SYS_NICE` adds to the default capability set; drop ALL first and add back only what is needed',
      '12:33-43 warning service web: `cap_add: SYS_PTRACE` grants a capability that can control the host',
    ]);
  });
});
