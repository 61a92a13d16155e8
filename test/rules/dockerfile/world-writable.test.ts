import { describe, expect, it } from 'vitest';
import rule, { isWorldWritable } from '../../../src/rules/dockerfile/world-writable.js';
import { testRule } from '../../helpers/rule-tester.js';

describe('isWorldWritable', () => {
  it('reads octal and symbolic modes', () => {
    for (const m of [
      '777',
      '0777',
      '666',
      '722',
      '002',
      'a+w',
      'o+w',
      'ugo+rwx',
      'a=rwx',
      'u+x,o+w',
      'a+rwX',
    ])
      expect(isWorldWritable(m), m).toBe(true);
    for (const m of [
      '755',
      '0644',
      '1777',
      '775',
      '+w',
      'u+w',
      'g+w',
      'o-w',
      'a-w',
      'a+rwxt',
      'o+r',
      'g=u',
      '+x',
    ])
      expect(isWorldWritable(m), m).toBe(false);
  });
});

testRule(rule, {
  valid: [
    { code: 'FROM debian\nRUN chmod 755 /app && chmod +x /entrypoint.sh\n' },
    { code: 'FROM debian\nRUN chmod 1777 /tmp/shared\n', name: 'sticky shared folder' },
    { code: 'FROM debian\nRUN chmod -R g=u /app\n' },
    { code: 'FROM debian\nRUN chmod "$MODE" /app\n', name: 'unknown mode' },
    { code: 'FROM debian\nRUN mkdir -p -m 700 /secrets\n' },
    { code: 'FROM debian\nCOPY --chmod=755 run.sh /run.sh\n' },
    { code: 'FROM debian\nRUN echo chmod 777 /x\n' },
  ],
  invalid: [
    {
      code: 'FROM debian\nRUN chmod -R 777 /app\n',
      errors: [
        {
          line: 2,
          column: 14,
          endColumn: 17,
          message:
            'mode 777 makes files writable by every user: give ownership to the user that writes (chown) and use 755/644',
        },
      ],
    },
    {
      code: 'FROM debian\nRUN chmod -R a+w /var/www\n',
      errors: [{ line: 2, column: 14, message: /mode a\+w/ }],
    },
    { code: 'FROM debian\nRUN chmod o+w /data\n', errors: [{ line: 2, column: 11 }] },
    {
      code: 'FROM debian\nRUN set -eux; \\\n    mkdir -pm 0777 /cache; \\\n    install -m 666 a /etc/a\n',
      errors: [
        { line: 3, column: 11, message: /mode 0777/ },
        { line: 4, column: 13 },
      ],
    },
    { code: 'FROM debian\nCOPY --chmod=777 . /app\n', errors: [{ line: 2, column: 6, endColumn: 17 }] },
    {
      code: 'ARG MODE=0777\nFROM debian\nARG MODE\nADD --chmod=$MODE x /x\n',
      errors: [{ line: 4, column: 5 }],
    },
  ],
});
