import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discoverComposeProjects, findProjectUpward } from '../../src/compose/discover.js';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dockaudit-discover-'));
  const write = (p: string) => {
    mkdirSync(join(dir, p, '..'), { recursive: true });
    writeFileSync(join(dir, p), 'services: {}\n');
  };
  write('compose.yaml');
  write('docker-compose.yml');
  write('compose.override.yaml');
  write('apps/api/docker-compose.yml');
  write('apps/api/docker-compose.override.yml');
  write('apps/web/docker-compose.yaml');
  write('apps/web/node_modules/pkg/compose.yaml');
  write('apps/web/docker-compose.prod.yml');
  mkdirSync(join(dir, 'empty/deeper'), { recursive: true });
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('discoverComposeProjects', () => {
  it('finds every project in a folder tree, with override files, skipping dependencies', async () => {
    const { projects, errors } = await discoverComposeProjects(['.'], dir);
    expect(errors).toEqual([]);
    expect(projects).toEqual([
      ['compose.yaml', 'compose.override.yaml'],
      ['apps/api/docker-compose.yml', 'apps/api/docker-compose.override.yml'],
      ['apps/web/docker-compose.yaml'],
    ]);
  });

  it('takes files as given and reports folders without compose files', async () => {
    const { projects, errors } = await discoverComposeProjects(
      ['apps/web/docker-compose.prod.yml', 'empty', 'nope'],
      dir,
    );
    expect(projects).toEqual([['apps/web/docker-compose.prod.yml']]);
    expect(errors.map((e) => `${e.file}: ${e.message}`)).toEqual([
      'empty: no compose file (compose.yaml, compose.yml, docker-compose.yml, docker-compose.yaml) in this folder',
      'nope: no such file or directory',
    ]);
  });

  it('looks in the current folder, then its parents, without arguments', async () => {
    expect((await findProjectUpward(dir)).projects).toEqual([['compose.yaml', 'compose.override.yaml']]);
    const nested = await findProjectUpward(join(dir, 'empty/deeper'));
    expect(nested.projects).toEqual([[join(dir, 'compose.yaml'), join(dir, 'compose.override.yaml')]]);
  });
});
