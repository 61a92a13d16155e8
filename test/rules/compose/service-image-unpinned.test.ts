import { describe, expect, it } from 'vitest';
import { hits } from './helpers.js';

const rule = 'service-image-unpinned';

describe(rule, () => {
  it('reports untagged and latest images at the image value', async () => {
    const text = [
      'services:',
      '  a:',
      '    image: nginx',
      '  b:',
      '    image: "nginx:latest"',
      '  h:',
      '    image: registry.example:5000/team/app',
      '',
    ].join('\n');
    expect(await hits(rule, text)).toEqual([
      '3:12-17 warning service a: image "nginx" has no tag, so it is whatever `latest` is when pulled',
      '5:12-26 warning service b: image "nginx:latest" uses the moving `latest` tag; pin a version',
      '7:12-42 warning service h: image "registry.example:5000/team/app" has no tag, so it is whatever `latest` is when pulled',
    ]);
  });

  it('accepts tags and digests, skips built images and unknown tags', async () => {
    const text = [
      'services:',
      '  c: {image: "nginx:1.27"}',
      '  d: {image: "nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"}',
      '  e: {build: ., image: myapp}',
      '  f: {image: "app:${TAG}"}',
      '',
    ].join('\n');
    expect(await hits(rule, text)).toEqual([]);
  });

  it('judges the value interpolation gives, defaults included', async () => {
    const text = 'services:\n  g:\n    image: app:${TAG:-latest}\n';
    expect(await hits(rule, text)).toEqual([
      '3:12-30 warning service g: image "app:latest" uses the moving `latest` tag; pin a version',
    ]);
    expect(await hits(rule, text, { env: { TAG: '2.1' } })).toEqual([]);
  });
});
