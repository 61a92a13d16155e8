import rule from '../../../src/rules/dockerfile/add-url-checksum.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { code: 'FROM alpine\nADD app.tar.gz /opt/\n' },
    {
      code: 'FROM alpine\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://x/a.tgz /a\n',
    },
    { code: 'FROM alpine\nADD https://github.com/moby/buildkit.git#v0.14.0 /src\n', name: 'git source' },
    { code: 'FROM alpine\nCOPY https://x/a /a\n', name: 'COPY cannot fetch URLs (another rule)' },
    {
      code: 'FROM alpine\nADD https://api.github.com/repos/acme/app/git/refs/heads/main /version.json\n',
      name: 'cache buster',
    },
  ],
  invalid: [
    {
      code: 'FROM alpine\nADD https://example.com/tool.tar.gz /tmp/\n',
      errors: [
        {
          line: 2,
          column: 5,
          endColumn: 36,
          message:
            'ADD downloads https://example.com/tool.tar.gz without --checksum: pin its sha256 so a changed file fails the build',
        },
      ],
    },
    {
      name: 'version from a build argument',
      code: 'ARG V=1.2\nFROM alpine\nARG V\nADD https://x.org/v${V}/t.tgz /t.tgz\n',
      errors: [{ line: 4, column: 5, message: /https:\/\/x\.org\/v1\.2\/t\.tgz/ }],
    },
    {
      name: 'credentials are not repeated in the message',
      code: 'FROM alpine\nADD https://user:pw@x.org/t.tgz /t.tgz\n',
      errors: [{ line: 2, column: 5, message: /downloads https:\/\/x\.org\/t\.tgz/ }],
    },
    { code: 'FROM alpine\nADD ["http://x/a", "/a"]\n', errors: [{ line: 2, column: 6 }] },
  ],
});
