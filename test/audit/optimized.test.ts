import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAuditReport } from '../../src/audit/build.js';
import { formatBytes } from '../../src/audit/format.js';
import { auditCatalog, translator } from '../../src/audit/i18n/index.js';
import { type AuditRun, runAudit } from '../../src/audit/run.js';
import { buildSections } from '../../src/audit/sections.js';
import type { AuditReport } from '../../src/audit/types.js';
import type { Lang } from '../../src/i18n/catalog.js';
import { changeText } from '../../src/optimize/explain.js';
import { optimizeDockerfile } from '../../src/optimize/plan.js';
import { renderAudit } from '../../src/report/audit/index.js';
import { ROOT } from '../helpers/cli.js';

const EXAMPLES = join(ROOT, 'examples');
const LANGS = ['en', 'zh', 'ru'] as const;
const reports = new Map<Lang, AuditReport>();
let dir: string;
let fixtures: AuditReport;
let fixturesRun: AuditRun;

function write(path: string, text: string): void {
  mkdirSync(join(dir, path, '..'), { recursive: true });
  writeFileSync(join(dir, path), text);
}

beforeAll(async () => {
  for (const lang of LANGS) {
    const run = await runAudit(EXAMPLES, { lang });
    run.given = 'examples/';
    reports.set(
      lang,
      buildAuditReport(run, { now: new Date('2026-06-15T00:00:00Z'), repositoryDir: 'examples' }),
    );
  }
  dir = mkdtempSync(join(tmpdir(), 'dockaudit-audit-optimized-'));
  // A COPY of a file that .dockerignore leaves out: the optimized version keeps the COPY, so the finding
  // (which needs the build context to be seen) is still there.
  write(
    'ignored/Dockerfile',
    'FROM debian:bookworm-slim\nCOPY config.ini /etc/app/config.ini\nCMD ["cat", "/etc/app/config.ini"]\n',
  );
  write('ignored/.dockerignore', 'config.ini\n');
  write('ignored/config.ini', 'x=1\n');
  // BuildKit refuses this file: no optimized version, and the report says why.
  write('broken/Dockerfile', 'FROM debian:bookworm-slim\nFROBNICATE now\n');
  // Built by compose from the repository root with a Dockerfile in a subfolder.
  write('api/docker/Dockerfile', 'FROM python:3.12-slim\nCOPY api/ /srv/\nCMD ["python", "/srv/main.py"]\n');
  write('api/main.py', 'print(1)\n');
  write(
    'compose.yaml',
    'services:\n  api:\n    build:\n      context: api\n      dockerfile: docker/Dockerfile\n',
  );
  const run = await runAudit(dir);
  run.given = 'repo';
  fixturesRun = run;
  fixtures = buildAuditReport(run, { now: new Date('2026-06-15T00:00:00Z') });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const section = (report: AuditReport, name: string) => report.images.find((s) => s.names.includes(name))!;

describe.each(LANGS)('the optimized Dockerfiles of examples/ in %s', (lang) => {
  const tr = (key: Parameters<typeof auditCatalog.t>[1], data?: Record<string, string | number>) =>
    auditCatalog.t(lang, key, data);

  it('gives every Dockerfile an optimized version in the report’s language', async () => {
    const report = reports.get(lang)!;
    for (const name of ['backend', 'frontend-agent', 'frontend-h5']) {
      const s = section(report, name);
      expect(s.optimizedNote).toBeNull();
      const o = s.optimized!;
      expect(o.dockerfile).toMatch(/^FROM .+ AS builder$/m);
      expect(o.dockerfile).toMatch(/^USER /m);
      expect(o.command).toBe(`dockaudit optimize examples/${name}/Dockerfile --write`);
      // The changes are the optimizer's, as its own explanation words them in this language.
      const result = optimizeDockerfile(s.text!, s.dockerfiles[0]!, {
        context: join(EXAMPLES, name),
        lang,
      });
      expect(o.changes.map((c) => c.text)).toEqual(result.changes.map((c) => changeText(c, lang)));
      expect(o.dockerfile).toBe(result.dockerfile);
    }
    if (lang !== 'en') {
      const en = section(reports.get('en')!, 'backend').optimized!;
      const here = section(report, 'backend').optimized!;
      expect(here.changes.map((c) => c.text)).not.toEqual(en.changes.map((c) => c.text));
      // The comments written into the Dockerfile are translated; its instructions are the same.
      expect(here.dockerfile).not.toBe(en.dockerfile);
      const instructions = (text: string) => text.split('\n').filter((l) => l !== '' && !l.startsWith('#'));
      expect(instructions(here.dockerfile)).toEqual(instructions(en.dockerfile));
    }
  });

  it('writes the optimized Dockerfile, its changes, the moved instructions and the gains in Markdown', () => {
    const report = reports.get(lang)!;
    const md = renderAudit(report, 'markdown');
    const o = section(report, 'backend').optimized!;
    const part = md.slice(
      md.indexOf(`#### 2.1.3 ${tr('image.optimized')}`),
      md.indexOf(`#### 2.1.4 ${tr('image.gains')}`),
    );
    expect(part).toContain(`\`\`\`dockerfile\n${o.dockerfile.trimEnd()}\n\`\`\``);
    expect(part).toContain(`| ${tr('col.change')} | ${tr('col.gain')} | ${tr('col.issues')} |`);
    expect(part).toContain(`| ${tr('col.line')} | ${tr('col.instruction')} | ${tr('col.outcome')} |`);
    expect(part).toMatch(/^\| 17 \| `CMD uvicorn app\.main:app .*--reload` \| /m);
    expect(part).toContain(tr('image.remaining', { count: o.remaining.length }));
    expect(part).toContain(`${tr('image.apply')} \`dockaudit optimize examples/backend/Dockerfile --write\``);
    const gains = md.slice(md.indexOf(`#### 2.1.4 ${tr('image.gains')}`));
    const before = o.before.bytes!;
    const after = o.after.bytes!;
    expect(after).toBeLessThan(before);
    const size = tr('gain.size', {
      before: `~${formatBytes(before)}`,
      after: `~${formatBytes(after)}`,
      saved: formatBytes(before - after),
      percent: Math.round((100 * (before - after)) / before),
    });
    expect(section(report, 'backend').gains[0]).toBe(size);
    expect(gains).toContain(`- ${size.replace(/~/g, '\\~')}`);
  });

  it('writes the same in HTML, escaped', () => {
    const report = reports.get(lang)!;
    const html = renderAudit(report, 'html');
    const o = section(report, 'backend').optimized!;
    const escaped = o.dockerfile
      .trimEnd()
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&#39;');
    expect(html).toContain(`<pre data-lang="dockerfile"><code>${escaped}</code></pre>`);
    expect(html).toContain(`<th>${tr('col.outcome')}</th>`);
    expect(html).toContain(`<code>dockaudit optimize examples/backend/Dockerfile --write</code>`);
    expect(html).toContain(tr('image.remaining', { count: o.remaining.length }));
  });

  it('keeps the optimized versions in JSON, with the estimated total', () => {
    const report = reports.get(lang)!;
    const json = JSON.parse(renderAudit(report, 'json'));
    const backend = json.images.find((s: { names: string[] }) => s.names.includes('backend'));
    expect(backend.optimized).toMatchObject({
      stack: 'python',
      dockerfile: section(report, 'backend').optimized!.dockerfile,
      command: 'dockaudit optimize examples/backend/Dockerfile --write',
    });
    expect(backend.optimized.instructions).toContainEqual(
      expect.objectContaining({ line: 2, action: 'moved' }),
    );
    expect(backend.context).toBe('backend');
    expect(json.summary.optimizedBytes).toBeGreaterThan(0);
    expect(json.summary.optimizedBytes).toBeLessThan(json.summary.currentBytes);
  });
});

describe('optimized versions and the issue tables', () => {
  it('ties each change to the issues it answers, and marks what the optimized version no longer has', () => {
    const backend = section(reports.get('en')!, 'backend');
    const byRule = (rule: string) => backend.issues.filter((i) => i.rule === rule).map((i) => i.id);
    const builderOnly = backend.optimized!.changes.find((c) => c.change === 'change.buildToolsBuilderOnly');
    expect(builderOnly?.issues).toEqual(byRule('apt-no-install-recommends'));
    const remaining = new Set(backend.optimized!.remaining.map((f) => f.rule));
    expect(remaining.has('apt-pin-versions')).toBe(true);
    for (const issue of backend.issues) {
      if (issue.rule === 'apt-pin-versions') expect(issue.remedy).not.toBe('optimized');
      if (issue.remedy === 'optimized' && issue.source === 'dockerfile')
        expect(remaining.has(issue.rule), issue.id).toBe(false);
    }
    expect(backend.issues.find((i) => i.rule === 'cmd-shell-form')?.remedy).toBe('optimized');
    expect(backend.gains).toContain(
      `Issues the optimized version closes: ${backend.issues
        .filter((i) => i.remedy === 'optimized')
        .map((i) => i.id)
        .join(', ')}`,
    );
  });

  it('credits a change with an issue only when the optimized version no longer has it', () => {
    const remedies = (resolves: boolean) =>
      buildSections({
        run: fixturesRun,
        t: translator('en'),
        pathOf: (p) => p,
        optimizerFor: () => ({ changeFor: () => 'a change', resolves: () => resolves }),
      })
        .sections.filter((s) => s.kind === 'dockerfile')
        .flatMap((s) => s.issues.filter((i) => i.source === 'dockerfile').map((i) => i.remedy));
    expect(remedies(true).every((r) => r === 'optimized')).toBe(true);
    expect(remedies(false)).not.toContain('optimized');
  });

  it('checks what is left with the proposed .dockerignore that comes with the optimized version', () => {
    const backend = section(reports.get('en')!, 'backend');
    const broad = backend.issues.find((i) => i.rule === 'broad-copy-no-dockerignore')!;
    expect(broad.remedy).toBe('optimized');
    expect(backend.optimized!.remaining.map((f) => f.rule)).not.toContain('broad-copy-no-dockerignore');
    const lines = backend.optimized!.remaining.map((f) => f.line);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
  });

  it('checks what is left with the build context, as the original was checked', () => {
    const s = section(fixtures, 'ignored');
    expect(s.optimized!.remaining.map((f) => f.rule)).toContain('copy-ignored-file');
    const issue = s.issues.find((i) => i.rule === 'copy-ignored-file')!;
    expect(issue.remedy).not.toBe('optimized');
  });

  it('sees no C-library risk in serving a static build from an Alpine nginx', () => {
    const report = reports.get('en')!;
    const h5 = section(report, 'frontend-h5').optimized!;
    expect(h5.stack).toBe('node-static');
    expect(h5.dockerfile).toMatch(/^FROM nginx:[\w.]+-alpine$/m);
    expect(report.risks.map((r) => r.kind)).not.toContain('libc');
  });

  it('says why a Dockerfile has no optimized version', () => {
    const s = section(fixtures, 'broken');
    expect(s.optimized).toBeNull();
    expect(s.optimizedNote).toBe(
      'No optimized version: broken/Dockerfile:2:1: unknown instruction: FROBNICATE (fix the Dockerfile before optimizing it)',
    );
    expect(renderAudit(fixtures, 'markdown')).toContain('No optimized version: broken/Dockerfile:2:1:');
    expect(renderAudit(fixtures, 'html')).toContain(
      '<p class="note">No optimized version: broken/Dockerfile:2:1:',
    );
  });

  it('names the build context in the optimize command when it is not the Dockerfile’s folder', () => {
    const s = section(fixtures, 'api');
    expect(s.dockerfiles).toEqual(['api/docker/Dockerfile']);
    expect(s.optimized!.command).toBe(
      'dockaudit optimize repo/api/docker/Dockerfile --context repo/api --write',
    );
    const next = fixtures.plan.nextWeek.find((i) => i.command?.includes('api/docker/Dockerfile'));
    expect(next?.command).toContain('--context repo/api --verify');
  });
});
