import { describe, expect, it } from 'vitest';
import { hits } from './helpers.js';

const rule = 'service-security-profile-disabled';

describe(rule, () => {
  it('reports unconfined seccomp and apparmor, disabled labels', async () => {
    const text = [
      'services:',
      '  a:',
      '    image: x/a:1',
      '    security_opt:',
      '      - seccomp:unconfined',
      '      - apparmor=unconfined',
      '      - label:disable',
      '      - seccomp:./profile.json',
      '      - no-new-privileges:true',
      '',
    ].join('\n');
    expect(await hits(rule, text)).toEqual([
      '5:9-27 warning service a: `seccomp:unconfined` turns off a kernel confinement',
      '6:9-28 warning service a: `apparmor:unconfined` turns off a kernel confinement',
      '7:9-22 warning service a: `label:disable` turns off a kernel confinement',
    ]);
  });
});
