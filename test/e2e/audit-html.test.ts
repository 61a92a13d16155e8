/**
 * The HTML audit report in a real browser (Debian's Chromium driven by playwright-core; no browser is
 * downloaded): it renders its eight sections and charts, logs no console error, makes no network request
 * of any kind, and script text from a Dockerfile never runs — neither under the report's CSP nor with
 * the CSP switched off (so escaping alone holds). Skipped without chromium unless DOCKAUDIT_E2E=1.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditCatalog } from '../../src/audit/i18n/index.js';
import { SECTIONS } from '../../src/audit/types.js';
import { hostileRepository } from '../helpers/audit-hostile.js';
import { ROOT, runCli } from '../helpers/cli.js';

const CHROMIUM = process.env.DOCKAUDIT_CHROMIUM ?? '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
const required = process.env.DOCKAUDIT_E2E === '1';
if (!available && !required)
  console.warn(
    `skipping the HTML report browser test: no chromium at ${CHROMIUM} (scripts/e2e/chromium-setup.sh)`,
  );

// Flags this machine needs (docs of the machine): no sandbox as root, nothing in the background.
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const ORIGIN = 'http://report.dockaudit.invalid';

// Page-side code, as source text (this project is typed for Node, not the DOM).
const RECORD_CSP = `window.__csp = [];
document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));`;
const PROBE = `(() => {
  const charts = [...document.querySelectorAll('svg.chart')];
  let events = 0;
  for (const el of document.querySelectorAll('*'))
    for (const a of el.getAttributeNames()) if (a.toLowerCase().startsWith('on')) events++;
  return {
    pwned: window.__pwned,
    cspViolations: window.__csp,
    title: document.title,
    headings: [...document.querySelectorAll('section > h2')].map((h) => h.textContent ?? ''),
    charts: charts.length,
    chartWidth: Math.min(...charts.map((c) => c.getBoundingClientRect().width)),
    scripts: document.querySelectorAll('script').length,
    eventAttributes: events,
    text: document.body.innerText,
  };
})()`;

type Browser = import('playwright-core').BrowserContext;

interface PageRun {
  requests: string[];
  consoleErrors: string[];
  pageErrors: string[];
  cspViolations: string[];
  pwned: unknown;
  title: string;
  headings: string[];
  charts: number;
  chartWidth: number;
  scripts: number;
  eventAttributes: number;
  text: string;
}

async function openReport(context: Browser, html: string): Promise<PageRun> {
  const page = await context.newPage();
  const run: PageRun = {
    requests: [],
    consoleErrors: [],
    pageErrors: [],
    cspViolations: [],
    pwned: undefined,
    title: '',
    headings: [],
    charts: 0,
    chartWidth: 0,
    scripts: 0,
    eventAttributes: 0,
    text: '',
  };
  const url = `${ORIGIN}/report.html`;
  page.on('request', (r) => {
    if (r.url() !== url) run.requests.push(r.url());
  });
  page.on('console', (m) => {
    if (m.type() === 'error') run.consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => run.pageErrors.push(String(e)));
  // The report is served from a fake origin; any other request is recorded above and refused here.
  await page.route('**/*', (route) =>
    route.request().url() === url
      ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html })
      : route.abort(),
  );
  await page.addInitScript(RECORD_CSP);
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(300);
  Object.assign(run, await page.evaluate(PROBE));
  await page.close();
  return run;
}

describe.skipIf(!available && !required)('the HTML audit report in headless Chromium', () => {
  let dir: string;
  let hostile: string;
  let context: Browser | null = null;
  let open: Browser | null = null;

  beforeAll(async () => {
    expect(available, `DOCKAUDIT_E2E=1 needs chromium at ${CHROMIUM} (scripts/e2e/chromium-setup.sh)`).toBe(
      true,
    );
    dir = mkdtempSync(join(tmpdir(), 'dockaudit-html-e2e-'));
    hostile = hostileRepository();
    const { chromium } = await import('playwright-core');
    const launch = (profile: string, bypassCSP: boolean) =>
      chromium.launchPersistentContext(join(dir, profile), {
        executablePath: CHROMIUM,
        headless: true,
        args: FLAGS,
        bypassCSP,
      });
    context = await launch('profile', false);
    open = await launch('profile-no-csp', true);
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await open?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
    if (hostile) rmSync(hostile, { recursive: true, force: true });
  });

  it.each(['en', 'zh', 'ru'] as const)(
    'renders every section of examples/ in %s, quietly and offline',
    async (lang) => {
      const file = join(dir, `report-${lang}.html`);
      const cli = await runCli(['audit', 'examples', '--format', 'html', '--lang', lang, '-o', file], {
        cwd: ROOT,
      });
      expect(cli.code, cli.stderr).toBe(0);
      const run = await openReport(context!, readFileSync(file, 'utf8'));
      expect(run.requests).toEqual([]);
      expect(run.consoleErrors).toEqual([]);
      expect(run.pageErrors).toEqual([]);
      expect(run.cspViolations).toEqual([]);
      expect(run.headings).toEqual(
        SECTIONS.map((s, i) => `${i + 1}. ${auditCatalog.t(lang, `section.${s.id}` as 'section.inventory')}`),
      );
      expect(run.charts).toBeGreaterThanOrEqual(2);
      expect(run.chartWidth).toBeGreaterThan(100);
      expect(run.text).toContain('B-1');
      expect(run.title).toContain(auditCatalog.t(lang, 'report.title'));
    },
  );

  it('shows script text from a Dockerfile as text and never runs it, with or without the CSP', async () => {
    const file = join(dir, 'hostile.html');
    const cli = await runCli(['audit', hostile, '--format', 'html', '-o', file], { cwd: ROOT });
    expect(cli.code, cli.stderr).toBe(0);
    const html = readFileSync(file, 'utf8');
    for (const ctx of [context!, open!]) {
      const run = await openReport(ctx, html);
      expect(run.pwned).toBeUndefined();
      expect(run.title).not.toBe('pwned');
      expect(run.scripts).toBe(0);
      expect(run.eventAttributes).toBe(0);
      expect(run.requests).toEqual([]);
      expect(run.consoleErrors).toEqual([]);
      expect(run.cspViolations).toEqual([]);
      expect(run.text).toContain('<script>window.__pwned = 1; document.title = "pwned"</script>');
      expect(run.text).toContain('<img src=x onerror=window.__pwned=5>/Dockerfile');
    }
  });
});
