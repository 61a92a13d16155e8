import { describe, expect, it } from 'vitest';
import { hits } from './helpers.js';

const rule = 'service-read-only-missing';

describe(rule, () => {
  it('reports a writable root filesystem', async () => {
    const text =
      'services:\n  a:\n    image: x/a:1\n  b:\n    image: x/b:1\n    read_only: false\n  c:\n    image: x/c:1\n    read_only: true\n';
    expect(await hits(rule, text)).toEqual([
      '2:3-4 info service a: set `read_only: true` (with `tmpfs` for the paths it writes)',
      '6:16-21 info service b: `read_only: false` leaves the root filesystem writable',
    ]);
  });
});
