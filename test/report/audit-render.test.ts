import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAuditReport } from '../../src/audit/build.js';
import { runAudit } from '../../src/audit/run.js';
import type { AuditReport } from '../../src/audit/types.js';
import { renderAuditHtml } from '../../src/report/audit/html.js';
import { fence, renderAuditMarkdown } from '../../src/report/audit/markdown.js';
import { EVIL_DIR, hostileRepository } from '../helpers/audit-hostile.js';

let dir: string;
let report: AuditReport;

beforeAll(async () => {
  dir = hostileRepository();
  report = buildAuditReport(await runAudit(dir));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('audit report rendering of hostile text', () => {
  it('HTML: no markup from the repository survives, the text is shown escaped', () => {
    const html = renderAuditHtml(report);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/<[a-z][^>]*\son\w+=/i);
    expect(html).toContain('&lt;script&gt;window.__pwned = 1;');
    expect(html).toContain('&lt;/code&gt;&lt;/pre&gt;&lt;script&gt;');
    expect(html).toContain('&lt;img src=x onerror=window.__pwned=5&gt;');
  });

  it('HTML: strict policy, nothing to load from anywhere', () => {
    const html = renderAuditHtml(report);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/
      .exec(html)?.[1]
      ?.replaceAll('&#39;', "'");
    expect(csp).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; img-src data:;/);
    expect(html).not.toMatch(/<[a-z][^>]*\s(?:src|srcset|action|formaction|poster|data|background)=/i);
    // Only the inline style sheet, only data: icons, only links to documentation pages.
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!);
    for (const href of hrefs)
      expect(href).toMatch(
        /^(?:#[\w-]+|data:,|https:\/\/github\.com\/dockaudit\/dockaudit\/blob\/main\/docs\/rules\/[\w-]+\.md)$/,
      );
    expect(html).not.toMatch(/\sstyle=/i);
    expect((html.match(/<style>/g) ?? []).length).toBe(1);
  });

  it('Markdown: repository text in tables is escaped and Dockerfiles are fenced out of reach', () => {
    const md = renderAuditMarkdown(report);
    // Fenced blocks and code spans are literal text in CommonMark; everything else must be escaped.
    const outsideFences = md
      .replace(/^( *)(`{3,})[^\n]*\n[\s\S]*?\n\1\2$/gm, '')
      .replace(/(`+)(?!`)[^\n]*?(?<!`)\1(?!`)/g, '');
    expect(outsideFences).not.toMatch(/(?<!\\)<(?:script|img)/i);
    expect(md).toContain('\\<img src=x onerror=window.\\_\\_pwned=5\\>/Dockerfile:');
    // The Dockerfile holds ``` so its fence is longer.
    expect(md).toContain('````dockerfile\n# <script>');
    expect(EVIL_DIR).toContain('<img');
  });

  it('fences never close early', () => {
    expect(fence('a\n```\nb', 'sh')).toBe('````sh\na\n```\nb\n````');
    expect(fence('plain', '')).toBe('```\nplain\n```');
  });
});
