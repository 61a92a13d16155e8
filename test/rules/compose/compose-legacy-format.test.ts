import { describe, expect, it } from 'vitest';
import { hits } from './helpers.js';

const rule = 'compose-legacy-format';

describe(rule, () => {
  it('reports top-level services once, at the first one', async () => {
    const text = 'web:\n  image: nginx:1.27\n  links: [db]\ndb:\n  image: postgres:16\n';
    expect(await hits(rule, text)).toEqual([
      '1:1-4 warning services at the top level (format v1) are not read by `docker compose`; put them under `services:`',
    ]);
  });

  it('checks the services of a legacy file like any other', async () => {
    const text = 'web:\n  image: nginx\n';
    expect(await hits('service-image-unpinned', text)).toEqual([
      '2:10-15 warning service web: image "nginx" has no tag, so it is whatever `latest` is when pulled',
    ]);
  });

  it('does not take an override file without services for a legacy one', async () => {
    expect(await hits(rule, 'networks:\n  default:\n    name: x\n')).toEqual([]);
  });
});
