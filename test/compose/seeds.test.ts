import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditComposeProjects } from '../../src/compose/run.js';
import { defaultConfig } from '../../src/config/settings.js';
import { compareFindings } from '../../src/core/finding.js';
import { composeRules } from '../../src/rules/compose/index.js';

const fixtures = join(import.meta.dirname, 'fixtures');

async function audit(files: string[]) {
  const result = await auditComposeProjects([files], {
    cwd: fixtures,
    env: {},
    configFor: () => defaultConfig(),
    rules: composeRules,
  });
  return {
    ...result,
    brief: result.findings.sort(compareFindings).map((f) => `${f.file}:${f.line}:${f.column} ${f.rule}`),
  };
}

describe('the production compose file of seed 003', () => {
  it('keeps user, restart, limits and the python healthcheck, and reports what is left', async () => {
    const { brief, errors } = await audit(['flask-prod/docker-compose.prod.yml']);
    expect(errors).toEqual([]);
    expect(brief).toEqual([
      'flask-prod/docker-compose.prod.yml:1:1 compose-version-obsolete',
      'flask-prod/docker-compose.prod.yml:3:3 service-logging-unbounded',
      'flask-prod/docker-compose.prod.yml:3:3 service-no-new-privileges-missing',
      'flask-prod/docker-compose.prod.yml:7:9 service-port-all-interfaces',
    ]);
  });
});

describe('the monorepo of seed 000', () => {
  it("reads each service's Dockerfile for its user and health check, and .env for variables", async () => {
    const { brief, errors, sources, projects } = await audit(['monorepo/compose.yaml']);
    expect(errors).toEqual([]);
    const backend = projects[0]!.allServices.get('backend')!;
    expect(backend.build?.dockerfileDisplay).toBe(join('monorepo', 'backend', 'Dockerfile'));
    // The URL's password comes from .env, not from the file: no secret finding, and nothing to hide.
    expect(brief.filter((b) => b.includes('secret'))).toEqual([]);
    expect(sources.get('monorepo/compose.yaml')).toContain('${POSTGRES_PASSWORD}');
    expect(
      brief.filter((b) => /runs-as-root|healthcheck|depends-on|database|image-unpinned/.test(b)),
    ).toEqual([
      // backend builds FROM python:3.12-slim without USER; frontend-h5 sets USER nginx.
      'monorepo/compose.yaml:2:3 service-runs-as-root',
      // redis has a healthcheck but backend waits only for it to start.
      'monorepo/compose.yaml:11:7 service-depends-on-without-healthy-condition',
      'monorepo/compose.yaml:34:3 service-healthcheck-missing',
      'monorepo/compose.yaml:34:3 service-runs-as-root',
      // backend's healthcheck is in the compose file, frontend-h5's in its Dockerfile.
      'monorepo/compose.yaml:39:18 service-depends-on-without-healthy-condition',
      'monorepo/compose.yaml:39:27 service-depends-on-without-healthy-condition',
    ]);
  });
});
