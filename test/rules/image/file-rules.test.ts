import { describe, expect, it } from 'vitest';
import type { WasteGroup } from '../../../src/image/waste.js';
import { BASE_HISTORY, file, findings, makeModel, run } from './helpers.js';

const history = [
  ...BASE_HISTORY,
  { created_by: '/bin/sh -c apt-get update' },
  { created_by: '/bin/sh -c rm -rf /var/lib/apt/lists/*' },
  { created_by: '/bin/sh -c chmod 4755 /usr/local/bin/x' },
];

const facts = (over: object) => ({
  setuid: [],
  worldWritable: [],
  pathDirs: ['/usr/bin'],
  sshServer: null,
  truncated: false,
  ...over,
});

describe('image-setuid-file', () => {
  it('reports own setuid files one by one and base ones together, at a lower severity', () => {
    const m = makeModel(history, {
      files: facts({
        setuid: [
          file('/usr/bin/su', 0o4755, 0),
          file('/usr/bin/passwd', 0o4755, 0),
          file('/usr/local/bin/x', 0o6755, 3),
        ],
      }),
    });
    expect(run('image-setuid-file', m)).toEqual([
      [5, 'warning', '/usr/local/bin/x is setuid and setgid (06755), added by this step (yours)'],
      [1, 'info', '2 setuid/setgid files come from the base image: /usr/bin/su, /usr/bin/passwd'],
    ]);
  });
});

describe('image-world-writable', () => {
  it('reports world-writable files, as errors on PATH, and base ones as info', () => {
    const m = makeModel(history, {
      files: facts({
        worldWritable: [
          { ...file('/srv/data', 0o777, 3, 'dir'), onPath: false },
          { ...file('/usr/bin/tool', 0o777, 3), onPath: true },
          { ...file('/var/legacy', 0o666, 0), onPath: false },
        ],
      }),
    });
    expect(run('image-world-writable', m)).toEqual([
      [5, 'warning', '/srv/data is world-writable (0777), set by this step (yours)'],
      [
        5,
        'error',
        '/usr/bin/tool is world-writable (0777) and on PATH: any user can replace a command (yours)',
      ],
      [1, 'info', '/var/legacy is world-writable (0666), set by this step (from the base image)'],
    ]);
  });
});

const group = (over: Partial<WasteGroup>): WasteGroup => ({
  kind: 'deleted',
  category: null,
  layer: 1,
  by: 2,
  bytes: 80_000_000,
  files: 4,
  root: '/var/lib/apt/lists',
  largest: [],
  ...over,
});

describe('image-wasted-bytes and image-package-cache', () => {
  it('name the step that added the bytes and the step that hides them', () => {
    const waste = {
      groups: [
        group({}),
        group({ kind: 'overwritten', layer: 2, by: 3, bytes: 3_000_000, files: 1, root: '/opt/data.bin' }),
        group({ kind: 'deleted', bytes: 50_000, root: '/tiny' }),
        group({
          kind: 'cache',
          category: 'pip',
          by: null,
          layer: 3,
          bytes: 1_000_000,
          files: 3,
          root: '/root/.cache/pip',
        }),
        group({ kind: 'cache', category: 'apt-lists', by: null, layer: 0, bytes: 500_000, files: 3 }),
      ],
      layers: [],
      hiddenBytes: 0,
      leftoverBytes: 0,
      totalBytes: 0,
      efficiency: 1,
    };
    const m = makeModel(history, { waste });
    expect(run('image-wasted-bytes', m)).toEqual([
      [
        3,
        'warning',
        '80.0 MB under /var/lib/apt/lists (4 files) added by this step are deleted by layer 3 (RUN): they still ship in this layer; remove them in the same step',
      ],
      [
        4,
        'warning',
        '3.0 MB under /opt/data.bin (1 files) added by this step are copied again by layer 4 (RUN) (a later change of content or permissions); do it in this step (COPY --chmod/--chown, or one RUN)',
      ],
    ]);
    expect(run('image-wasted-bytes', m, { 'image-wasted-bytes': { minBytes: 10_000 } })).toHaveLength(3);
    const caches = run('image-package-cache', m);
    expect(caches.map(([line, sev]) => [line, sev])).toEqual([
      [5, 'warning'],
      [1, 'info'],
    ]);
    expect(caches[0]![2]).toBe(
      'pip cache left in the image: 1.0 MB in /root/.cache/pip (3 files), by this step (yours); use `pip install --no-cache-dir`, or a cache mount for /root/.cache/pip',
    );
  });
});

describe('image-secret-file', () => {
  it('reports secret files present, deleted later (still extractable), or too large to check', () => {
    const m = makeModel(history, {
      secretFiles: [
        {
          path: '/root/.ssh/id_rsa',
          layer: 1,
          size: 1700,
          category: 'private-key',
          description: 'SSH private key',
          evidence: 'certain',
          removedBy: 2,
        },
        {
          path: '/app/.env',
          layer: 3,
          size: 90,
          category: 'env-file',
          description: 'environment file',
          evidence: 'content',
          removedBy: null,
        },
        {
          path: '/big.pem',
          layer: 3,
          size: 9e6,
          category: 'private-key',
          description: 'private key file',
          evidence: 'likely',
          removedBy: null,
        },
      ],
    });
    expect(run('image-secret-file', m)).toEqual([
      [
        3,
        'error',
        '/root/.ssh/id_rsa (SSH private key) added by this step is still extractable from its layer, although layer 3 (RUN) deletes it',
      ],
      [5, 'error', '/app/.env (environment file) is in the image, added by this step'],
      [
        5,
        'warning',
        '/big.pem looks like private key file (too large to check its content), added by this step',
      ],
    ]);
  });
});

describe('image-layer-anomaly', () => {
  it('reports duplicate entries and symlink loops, and counts what is not listed', () => {
    const m = makeModel(history, {
      anomalies: [
        { kind: 'duplicate-entry', layer: 1, path: 'etc/x' },
        { kind: 'symlink-loop', layer: 2, path: 'a' },
        { kind: 'whiteout-without-target', layer: 2, path: 'gone' },
      ],
      anomalyTotal: 5,
    });
    expect(run('image-layer-anomaly', m)).toEqual([
      [3, 'warning', '/etc/x appears more than once in this layer (the last copy wins)'],
      [4, 'warning', '/a is a symlink loop (or a chain of more than 40 links)'],
      [4, 'info', 'this layer deletes /gone, which no lower layer has'],
      [5, 'warning', '2 more layer anomalies not listed'],
    ]);
  });
});

describe('image-efficiency-gate', () => {
  it("fails only the gates that are set, with dive's figures", () => {
    const m = makeModel(history, {
      dive: {
        efficiency: 0.7,
        wastedBytes: 90_000_000,
        userSizeBytes: 170_000_000,
        sizeBytes: 0,
        userWastedPercent: 0.53,
        inefficiencies: [],
        inefficientPaths: 7,
      },
    });
    expect(run('image-efficiency-gate', m)).toEqual([]);
    expect(
      run('image-efficiency-gate', m, {
        'image-efficiency-gate': {
          lowestEfficiency: 0.9,
          highestWastedBytes: 20_000_000,
          highestUserWastedPercent: 0.1,
        },
      }),
    ).toEqual([
      [5, 'error', "image efficiency 70.00% is below the lowest allowed 90.00% (dive's definition)"],
      [5, 'error', "wasted bytes 90.0 MB exceed the highest allowed 20.0 MB (dive's definition)"],
      [
        5,
        'error',
        "wasted bytes are 53.00% of the bytes added on top of the first layer, above the allowed 10.00% (dive's definition)",
      ],
    ]);
    expect(run('image-efficiency-gate', m, { 'image-efficiency-gate': { lowestEfficiency: 0.5 } })).toEqual(
      [],
    );
  });
});

describe('Dockerfile remapping', () => {
  it('moves findings on mapped entries to the instruction and keeps image data', () => {
    const m = makeModel(history, { files: facts({ setuid: [file('/usr/local/bin/x', 0o4755, 3)] }) });
    m.history[4]!.instruction = {
      file: 'Dockerfile',
      line: 7,
      column: 1,
      endLine: 7,
      endColumn: 30,
      keyword: 'RUN',
      text: 'RUN chmod 4755 /usr/local/bin/x',
    };
    const [f] = findings('image-setuid-file', m);
    expect(f).toMatchObject({
      file: 'Dockerfile',
      line: 7,
      column: 1,
      endColumn: 30,
      data: { image: 'app.tar', history: 5, layer: 4, origin: 'yours' },
    });
  });
});
