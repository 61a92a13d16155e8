import { describe, expect, it } from 'vitest';
import { hits } from './helpers.js';

const rule = 'service-no-new-privileges-missing';

describe(rule, () => {
  it('accepts the option in its written forms and reports its absence', async () => {
    const text = [
      'services:',
      '  a: {image: x/a:1, security_opt: [no-new-privileges]}',
      '  b: {image: x/b:1, security_opt: ["no-new-privileges:true"]}',
      '  c: {image: x/c:1, security_opt: ["no-new-privileges=true"]}',
      '  d:',
      '    image: x/d:1',
      '    security_opt: ["no-new-privileges:false"]',
      '  e:',
      '    image: x/e:1',
      '',
    ].join('\n');
    expect(await hits(rule, text)).toEqual([
      '7:5-17 info service d: add `security_opt: [no-new-privileges:true]`',
      '8:3-4 info service e: add `security_opt: [no-new-privileges:true]`',
    ]);
  });
});
