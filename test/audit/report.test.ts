import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildAuditReport } from '../../src/audit/build.js';
import { auditCatalog } from '../../src/audit/i18n/index.js';
import { runAudit } from '../../src/audit/run.js';
import { type AuditReport, SECTIONS } from '../../src/audit/types.js';
import type { Lang } from '../../src/i18n/catalog.js';
import { renderAudit } from '../../src/report/audit/index.js';
import { ROOT } from '../helpers/cli.js';

const EXAMPLES = join(ROOT, 'examples');
const SECRET = 'q8V3xZ1rLm9TgW4pKd7sYb2NcF6hJ0aE';
const reports = new Map<Lang, AuditReport>();

beforeAll(async () => {
  for (const lang of ['en', 'zh', 'ru'] as const) {
    const run = await runAudit(EXAMPLES, { lang });
    run.given = 'examples/';
    reports.set(
      lang,
      buildAuditReport(run, { now: new Date('2026-06-15T00:00:00Z'), repositoryDir: 'examples' }),
    );
  }
});

describe.each(['en', 'zh', 'ru'] as const)('audit of examples/ in %s', (lang) => {
  const title = (id: string) => auditCatalog.t(lang, `section.${id}` as 'section.inventory');

  it('writes the eight sections in order in Markdown, with the per-image subsections', () => {
    const md = renderAudit(reports.get(lang)!, 'markdown');
    const headings = [...md.matchAll(/^## (\d)\. (.+)$/gm)].map((m) => [Number(m[1]), m[2]]);
    expect(headings).toEqual(SECTIONS.map((s, i) => [i + 1, title(s.id)]));
    expect(md.startsWith(`# ${auditCatalog.t(lang, 'report.title')}\n`)).toBe(true);
    for (const n of [1, 2, 3]) {
      expect(md).toContain(`#### 2.${n}.1 ${auditCatalog.t(lang, 'image.current')}`);
      expect(md).toContain(`#### 2.${n}.2 ${auditCatalog.t(lang, 'image.issues')}`);
      expect(md).toContain(`#### 2.${n}.3 ${auditCatalog.t(lang, 'image.optimized')}`);
      expect(md).toContain(`#### 2.${n}.4 ${auditCatalog.t(lang, 'image.gains')}`);
    }
    for (const key of ['plan.now', 'plan.nextWeek', 'plan.quarter'] as const)
      expect(md).toContain(auditCatalog.t(lang, key));
    expect(md).toMatch(/\| \*\*B-1\*\* \|/);
    expect(md).toMatch(/\| \*\*S-1\*\* \|/);
    expect(md).toMatch(/\| \*\*R-1\*\* \|/);
    for (const ci of ['.github/workflows/dockaudit.yml', '.gitlab-ci.yml', '.gitea/workflows/dockaudit.yml'])
      expect(md).toContain(ci);
    expect(md).toContain('npx --yes dockaudit@');
  });

  it('writes the same sections in HTML and JSON', () => {
    const report = reports.get(lang)!;
    const html = renderAudit(report, 'html');
    const ids = [...html.matchAll(/<section id="(\w+)"><h2>(\d)\. ([^<]+)<\/h2>/g)].map((m) => [m[1], m[3]]);
    expect(ids).toEqual(SECTIONS.map((s) => [s.id, title(s.id)]));
    const json = JSON.parse(renderAudit(report, 'json'));
    for (const s of SECTIONS) expect(json).toHaveProperty(s.key);
    expect(json).toMatchObject({
      tool: 'dockaudit',
      schema: 'dockaudit/audit/v1',
      lang,
      root: 'examples',
      date: '2026-06-15',
    });
  });

  it('never shows the secret of backend/.env', () => {
    const report = reports.get(lang)!;
    for (const format of ['markdown', 'html', 'json'] as const)
      expect(renderAudit(report, format)).not.toContain(SECRET);
  });
});

describe('the audit model of examples/', () => {
  it('has the inventory of the seed report: three built images and the compose services’ official images', () => {
    const inv = reports.get('en')!.inventory;
    expect(inv.rows.map((r) => [r.name, r.kind, r.dockerfile, r.base, r.multiStage, r.official])).toEqual([
      ['backend', 'build', 'backend/Dockerfile', 'python:3.12-slim', true, true],
      ['frontend-agent', 'build', 'frontend-agent/Dockerfile', 'nginx:1.27-alpine', true, true],
      ['frontend-h5', 'build', 'frontend-h5/Dockerfile', 'nginx', true, true],
      ['db', 'service-image', null, 'postgres:16-alpine', null, true],
      ['cache', 'service-image', null, 'redis:7-alpine', null, true],
      ['nginx', 'service-image', null, 'nginx:latest', null, true],
    ]);
  });

  it('numbers each image’s issues under its own prefix and ties every shown finding to one', () => {
    const report = reports.get('en')!;
    expect(report.images.map((s) => [s.prefix, s.names])).toEqual([
      ['B', ['backend']],
      ['FA', ['frontend-agent']],
      ['FH', ['frontend-h5']],
      ['C', ['docker-compose.yml']],
    ]);
    for (const s of report.images)
      expect(s.issues.map((i) => i.id)).toEqual(s.issues.map((_, n) => `${s.prefix}-${n + 1}`));
    const ids = report.images.flatMap((s) => s.issues.map((i) => i.id));
    expect(report.findings.map((f) => f.issue).sort()).toEqual([...ids].sort());
    // The compose finding about the backend service is in the backend's table.
    const backend = report.images[0]!.issues;
    expect(backend.some((i) => i.rule === 'service-runs-as-root' && i.file === 'docker-compose.yml')).toBe(
      true,
    );
    // Issues are ordered worst first.
    const rank = { error: 4, warning: 3, info: 2, style: 1 };
    for (const s of report.images)
      for (let i = 1; i < s.issues.length; i++)
        expect(rank[s.issues[i - 1]!.severity]).toBeGreaterThanOrEqual(rank[s.issues[i]!.severity]);
  });

  it('proposes a .dockerignore per build context with what it keeps out', () => {
    const proposals = reports.get('en')!.dockerignore;
    expect(proposals.map((p) => [p.path, p.scope, p.images, p.exists])).toEqual([
      ['backend/.dockerignore', 'context', ['backend'], false],
      ['frontend-agent/.dockerignore', 'context', ['frontend-agent'], false],
      ['frontend-h5/.dockerignore', 'context', ['frontend-h5'], false],
    ]);
    const backend = proposals[0]!;
    expect(backend.text).toContain('**/.env');
    // .env, Dockerfile and tests/ are sent today and would not be.
    expect(backend.savedFiles).toBe(3);
    expect(backend.savedBytes).toBeGreaterThan(0);
  });

  it('gathers security by topic with the ids behind each', () => {
    const sec = reports.get('en')!.security;
    const root = sec.issues.find((i) => i.topic === 'root')!;
    expect(root).toMatchObject({ id: 'S-1', status: 'problem' });
    expect(root.where).toEqual(['backend', 'frontend-agent', 'frontend-h5', 'nginx']);
    const secrets = sec.issues.find((i) => i.topic === 'secrets')!;
    expect(secrets.issues.length).toBeGreaterThan(0);
    expect(sec.issues.find((i) => i.topic === 'vulnerabilities')!.status).toBe('not-checked');
    expect(sec.ci.map((c) => c.system)).toEqual(['github', 'gitlab', 'gitea']);
    expect(sec.ci[0]!.text).toContain('audit examples ');
  });

  it('plans each issue once, earliest step first', () => {
    const plan = reports.get('en')!.plan;
    const planned = [...plan.now, ...plan.nextWeek, ...plan.quarter]
      .filter((i) => i.text !== 'Remove the secrets found and rotate them')
      .flatMap((i) => i.issues);
    expect(new Set(planned).size).toBe(planned.length);
    const all = reports.get('en')!.images.flatMap((s) => s.issues.map((i) => i.id));
    expect([...planned].sort()).toEqual([...all].sort());
    expect(plan.now[0]!.command).toContain('dockaudit context examples/backend --write');
  });
});
