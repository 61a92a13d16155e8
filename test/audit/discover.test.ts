import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { imageNameOf } from '../../src/audit/discover.js';
import { runAudit } from '../../src/audit/run.js';

let dir: string;
const write = (path: string, text: string) => {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), text);
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dockaudit-audit-discover-'));
  write('Dockerfile', 'FROM alpine:3.20\nCMD ["true"]\n');
  write('api/Dockerfile.dev', 'FROM alpine:3.20\nCMD ["true"]\n');
  write('api/worker.Dockerfile', 'FROM alpine:3.20\nCMD ["true"]\n');
  write('tools/Containerfile', 'FROM alpine:3.20\nCMD ["true"]\n');
  write('services/web/Dockerfile', 'FROM nginx:1.27-alpine\nCOPY site/ /usr/share/nginx/html/\n');
  write('services/web/site/index.html', '<p>hi</p>\n');
  write('deploy/web.Dockerfile', 'FROM nginx:1.27-alpine\nCOPY web/site/ /usr/share/nginx/html/\n');
  write('node_modules/x/Dockerfile', 'FROM alpine\n');
  write(
    'compose.yaml',
    [
      'services:',
      '  site:',
      '    build:',
      '      context: services',
      '      dockerfile: ../deploy/web.Dockerfile',
      '  db:',
      '    image: postgres:16-alpine',
      '',
    ].join('\n'),
  );
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('audit discovery', () => {
  it('names images after their folder and Dockerfile suffix', () => {
    expect(imageNameOf('/repo/shop', 'Dockerfile')).toBe('shop');
    expect(imageNameOf('/repo', 'api/Dockerfile.dev')).toBe('api-dev');
    expect(imageNameOf('/repo', 'api/worker.Dockerfile')).toBe('api-worker');
    expect(imageNameOf('/repo', 'services/web/Containerfile')).toBe('services-web');
  });

  it('finds every naming style, skips dependency folders, and takes build contexts from compose', async () => {
    const run = await runAudit(dir);
    const targets = run.targets.map((t) => [
      t.target.name,
      t.target.dockerfile,
      t.target.context,
      t.target.services,
    ]);
    expect(targets).toEqual([
      [expect.stringMatching(/^dockaudit-audit-discover-/), 'Dockerfile', dir, []],
      ['api-dev', 'api/Dockerfile.dev', join(dir, 'api'), []],
      ['api-worker', 'api/worker.Dockerfile', join(dir, 'api'), []],
      ['site', 'deploy/web.Dockerfile', join(dir, 'services'), ['site']],
      ['services-web', 'services/web/Dockerfile', join(dir, 'services/web'), []],
      ['tools', 'tools/Containerfile', join(dir, 'tools'), []],
    ]);
    expect(run.services.map((s) => [s.name, s.image])).toEqual([
      ['site', null],
      ['db', 'postgres:16-alpine'],
    ]);
    // The compose context decides what COPY sees: web/site exists under services/, so nothing is missing.
    const site = run.targets.find((t) => t.target.name === 'site')!;
    expect(site.context?.missingSources).toEqual([]);
    expect(run.errors).toEqual([]);
  });

  it('audits a folder without compose files without calling it an error', async () => {
    const run = await runAudit(join(dir, 'tools'));
    expect(run.errors).toEqual([]);
    expect(run.targets.map((t) => t.target.name)).toEqual(['tools']);
    expect(run.compose.projects).toEqual([]);
  });
});
