import rule from '../../../src/rules/dockerfile/untrusted-registry.js';
import { testRule } from '../../helpers/rule-tester.js';

const docker = { trustedRegistries: ['docker.io'] };
const trusted = { trustedRegistries: ['trusted.com'] };

testRule(rule, {
  valid: [
    { code: 'FROM random.com/debian\n', name: 'no registry configured' },
    { code: 'FROM random.com/debian\n', config: { trustedRegistries: ['x.com', 'random.com'] } },
    { code: 'FROM scratch\n', config: { trustedRegistries: ['x.com'] } },
    {
      code: 'FROM ubuntu:18.04 AS b1\nFROM zemanlx/ubuntu:18.04 AS b2\nFROM docker.io/zemanlx/ubuntu:18.04 AS b3\nFROM index.docker.io/x:1\n',
      config: docker,
    },
    {
      code: 'FROM random.com/foo AS b1\nFROM b1 AS b2\nCOPY --from=b1 / /x\n',
      config: { trustedRegistries: ['random.com'] },
    },
    { code: 'FROM foo.random.com/debian\n', config: { trustedRegistries: ['x.com', '*.random.com'] } },
    { code: 'FROM ubuntu:18.04\nFROM quay.io/x:1\n', config: { trustedRegistries: ['*'] } },
    { code: 'COPY --from=trusted.com/repo/image:tag /foo /bar\n', config: trusted },
    { code: 'RUN --mount=type=cache,from=trusted.com/repo/image:tag,target=/foo foobar\n', config: trusted },
    { code: 'ARG IMG\nFROM $IMG\n', config: trusted, name: 'unknown argument' },
  ],
  invalid: [
    {
      code: 'FROM random.com/debian\n',
      config: docker,
      errors: [
        {
          line: 1,
          column: 6,
          endColumn: 23,
          message: 'image "random.com/debian" comes from random.com, which is not a trusted registry',
        },
      ],
    },
    {
      code: 'FROM x.com/debian\n',
      config: { trustedRegistries: ['*.random.com'] },
      errors: [{ line: 1, column: 6 }],
    },
    {
      code: 'COPY --from=untrusted.com/repo/image:tag /foo /bar\n',
      config: trusted,
      errors: [{ line: 1, column: 13 }],
    },
    {
      code: 'RUN --mount=type=bind,from=untrusted.com/repo/image:tag,target=/foo foobar\n',
      config: trusted,
      errors: [{ line: 1, column: 13 }],
    },
    {
      code: 'FROM ubuntu:18.04 AS b1\nFROM zemanlx/ubuntu:18.04 AS b2\nFROM docker.io/zemanlx/ubuntu:18.04 AS b3\n',
      config: trusted,
      errors: [
        { line: 1, column: 6, message: /docker\.io/ },
        { line: 2, column: 6 },
        { line: 3, column: 6 },
      ],
    },
  ],
});
