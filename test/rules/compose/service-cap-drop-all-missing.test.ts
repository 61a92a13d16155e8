import { describe, expect, it } from 'vitest';
import { composeRules } from '../../../src/rules/compose/index.js';
import { hits } from './helpers.js';

const rule = 'service-cap-drop-all-missing';

describe(rule, () => {
  it('is off by default', () => {
    expect(composeRules.find((r) => r.id === rule)?.enabledByDefault).toBe(false);
  });

  it('reports services that keep the default capabilities', async () => {
    const text =
      'services:\n  a:\n    image: x/a:1\n  b:\n    image: x/b:1\n    cap_drop: [all]\n  c:\n    image: x/c:1\n    cap_drop: [NET_RAW]\n';
    expect(await hits(rule, text)).toEqual([
      '2:3-4 info service a: add `cap_drop: [ALL]` (and `cap_add` only what it needs)',
      '7:3-4 info service c: add `cap_drop: [ALL]` (and `cap_add` only what it needs)',
    ]);
  });
});
