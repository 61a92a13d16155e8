import rule from '../../../src/rules/dockerfile/apt-lists-not-removed.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { code: 'FROM debian\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n' },
    { code: 'FROM debian\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists\n' },
    {
      code: 'FROM debian\nRUN apt-get update && apt-get install -y curl \\\n && find /var/lib/apt/lists -type f -delete\n',
    },
    {
      code: 'FROM debian\nRUN --mount=type=cache,target=/var/lib/apt/lists apt-get update && apt-get install -y curl\n',
    },
    {
      name: 'cache mounts on /var/lib/apt and /var/cache/apt',
      code: 'FROM debian\nRUN --mount=type=cache,target=/var/cache/apt,sharing=locked \\\n    --mount=type=cache,target=/var/lib/apt,sharing=locked \\\n    rm -f /etc/apt/apt.conf.d/docker-clean && apt-get update && apt-get install -y curl\n',
    },
    {
      name: 'a cache mount on /var/lib/apt with docker-clean in place',
      code: 'FROM debian\nRUN --mount=type=cache,target=/var/lib/apt apt-get update\n',
    },
    {
      name: 'a mount target from a build argument',
      code: 'FROM debian\nARG LISTS=/var/lib/apt/lists\nRUN --mount=type=tmpfs,target=${LISTS} apt-get update\n',
    },
    {
      name: 'a builder stage only copied from',
      code: 'FROM debian AS build\nRUN apt-get update && apt-get install -y gcc\nFROM debian\nCOPY --from=build /out /out\n',
    },
    { code: 'FROM debian\nRUN apt-get install -y ./local.deb\n', name: 'no update' },
  ],
  invalid: [
    {
      code: 'FROM debian\nRUN apt-get update && apt-get install -y curl\n',
      errors: [
        {
          line: 2,
          column: 5,
          endLine: 2,
          endColumn: 19,
          message: 'delete the apt lists in this RUN (`&& rm -rf /var/lib/apt/lists/*`) or use a cache mount',
        },
      ],
      output: 'FROM debian\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n',
    },
    {
      name: 'the rm goes after the last apt command, before what follows',
      code: 'FROM debian\nRUN apt-get update \\\n && apt-get install -y \\\n      curl \\\n && make\n',
      errors: [{ line: 2, column: 5 }],
      output:
        'FROM debian\nRUN apt-get update \\\n && apt-get install -y \\\n      curl && rm -rf /var/lib/apt/lists/* \\\n && make\n',
    },
    {
      name: 'an rm before the update does not help; removing other folders does not count',
      code: 'FROM debian\nRUN rm -rf /var/lib/apt/lists/* && apt-get update && apt-get install -y x && rm -rf /tmp/*\n',
      errors: [{ line: 2, column: 36 }],
      output:
        'FROM debian\nRUN rm -rf /var/lib/apt/lists/* && apt-get update && apt-get install -y x && rm -rf /var/lib/apt/lists/* && rm -rf /tmp/*\n',
    },
    {
      name: 'a stage other stages are built on',
      code: 'FROM debian AS base\nRUN apt-get update && apt-get install -y curl\nFROM base\nRUN echo done\n',
      errors: [{ line: 2, column: 5 }],
      output:
        'FROM debian AS base\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\nFROM base\nRUN echo done\n',
    },
    {
      name: 'no fix when a later RUN needs the lists',
      code: 'FROM debian\nRUN apt-get update\nRUN apt-get install -y curl\n',
      errors: [{ line: 2, column: 5 }],
      output: 'FROM debian\nRUN apt-get update\nRUN apt-get install -y curl\n',
    },
    {
      name: 'a cache mount when the file already uses BuildKit mounts',
      code: 'FROM debian\nRUN --mount=type=cache,target=/root/.cache/pip pip install flask==3.0.0\nRUN apt-get update && apt-get install -y curl\n',
      errors: [{ line: 3, column: 5 }],
      output:
        'FROM debian\nRUN --mount=type=cache,target=/root/.cache/pip pip install flask==3.0.0\nRUN --mount=type=cache,target=/var/lib/apt/lists,sharing=locked apt-get update && apt-get install -y curl\n',
    },
    {
      name: 'downloaded packages kept when docker-clean was removed',
      code: 'FROM debian\nRUN rm -f /etc/apt/apt.conf.d/docker-clean\nRUN --mount=type=cache,target=/var/lib/apt \\\n    apt-get update && apt-get install -y curl\n',
      errors: [
        {
          line: 4,
          column: 5,
          message:
            'downloaded packages stay in /var/cache/apt: docker-clean was removed, so mount a cache on /var/cache/apt too',
        },
      ],
    },
    {
      name: 'an ONBUILD trigger counts in any stage; aptitude too',
      code: 'FROM debian AS x\nONBUILD RUN aptitude update && aptitude install -y curl\nFROM scratch\n',
      errors: [{ line: 2, column: 13 }],
      output:
        'FROM debian AS x\nONBUILD RUN aptitude update && aptitude install -y curl && rm -rf /var/lib/apt/lists/*\nFROM scratch\n',
    },
  ],
});
