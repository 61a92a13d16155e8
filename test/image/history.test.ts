import { describe, expect, it } from 'vitest';
import { parseDockerfile } from '../../src/dockerfile/parse.js';
import { baseLayersFromHistory } from '../../src/image/base.js';
import { alignHistory } from '../../src/image/dockerfile-map.js';
import { parseCreatedBy, readHistory } from '../../src/image/history.js';

describe('parseCreatedBy', () => {
  it.each([
    [
      'RUN |1 TOKEN=abc /bin/sh -c make install # buildkit',
      'RUN',
      'make install',
      [{ name: 'TOKEN', value: 'abc' }],
    ],
    [
      'RUN |2 A=1 B=x y /bin/sh -c echo hi # buildkit',
      'RUN',
      'echo hi',
      [
        { name: 'A', value: '1' },
        { name: 'B', value: 'x y' },
      ],
    ],
    ['COPY app.js /home/app/app.js # buildkit', 'COPY', 'app.js /home/app/app.js', []],
    ['ENV A=1 B=2', 'ENV', 'A=1 B=2', []],
    ['/bin/sh -c #(nop)  CMD ["bash"]', 'CMD', '["bash"]', []],
    ['/bin/sh -c #(nop) COPY file:0a1b in /x ', 'COPY', 'file:0a1b in /x', []],
    ['|1 NPM_TOKEN=xyz /bin/sh -c npm ci', 'RUN', 'npm ci', [{ name: 'NPM_TOKEN', value: 'xyz' }]],
    ['/bin/sh -c apt-get update', 'RUN', 'apt-get update', []],
    ['/bin/sh', null, '/bin/sh', []],
  ])('%s', (createdBy, keyword, args, buildArgs) => {
    expect(parseCreatedBy(createdBy)).toEqual({ keyword, args, buildArgs });
  });

  it('pairs non-empty entries with layers in order', () => {
    const steps = readHistory(
      [
        { created_by: 'a' },
        { created_by: 'ENV x=1', empty_layer: true },
        { created_by: 'b' },
        { created_by: 'c' },
      ],
      2,
    );
    expect(steps.map((s) => s.layer)).toEqual([0, null, 1, null]);
  });
});

describe('base layers from history', () => {
  const h = (entries: Array<[string, boolean?, string?]>) =>
    readHistory(
      entries.map(([created_by, empty, comment]) => ({
        created_by,
        ...(empty ? { empty_layer: true } : {}),
        ...(comment ? { comment } : {}),
      })),
      entries.filter(([, e]) => !e).length,
    );
  it('uses buildah FROM comments, then the last CMD before more layers, then the BuildKit suffix', () => {
    expect(
      baseLayersFromHistory(
        h([
          ['/bin/sh'],
          ['/bin/sh -c x', false, 'FROM localhost/base:1'],
          ['/bin/sh -c y', false, 'FROM 0a1b2c3d4e5f'],
        ]),
      ),
    ).toBe(1);
    expect(
      baseLayersFromHistory(
        h([['ADD rootfs'], ['/bin/sh -c x'], ['CMD ["bash"]', true], ['RUN a'], ['CMD ["app"]', true]]),
      ),
    ).toBe(2);
    expect(
      baseLayersFromHistory(h([['/bin/sh'], ['RUN a # buildkit', false, 'buildkit.dockerfile.v0']])),
    ).toBe(1);
    expect(baseLayersFromHistory(h([['RUN a'], ['RUN b']]))).toBeNull();
  });
});

describe('alignHistory', () => {
  it('maps history to the final stage, leaving the base image history unmatched', () => {
    const file = parseDockerfile(
      'FROM debian AS build\nRUN make\n\nFROM debian\nRUN apt-get update\nCOPY --from=build /out /app\nUSER app\nCMD ["app"]\n',
    );
    const steps = readHistory(
      [
        { created_by: '/bin/sh -c #(nop) ADD file:x in / ' },
        { created_by: '/bin/sh -c #(nop)  CMD ["bash"]', empty_layer: true },
        { created_by: 'RUN /bin/sh -c apt-get update # buildkit' },
        { created_by: 'COPY /out /app # buildkit' },
        { created_by: 'USER app', empty_layer: true },
        { created_by: 'CMD ["app"]', empty_layer: true },
      ],
      3,
    );
    const final = file.stages[1]!.instructions.filter((i) => i.keyword !== 'FROM');
    const pairs = alignHistory(steps, final);
    expect(pairs.map(([s, i]) => [s, final[i]!.keyword])).toEqual([
      [2, 'RUN'],
      [3, 'COPY'],
      [4, 'USER'],
      [5, 'CMD'],
    ]);
  });
});
