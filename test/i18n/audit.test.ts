import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildAuditReport } from '../../src/audit/build.js';
import { runAudit } from '../../src/audit/run.js';
import type { MessageCatalog } from '../../src/i18n/catalog.js';
import { loadRuleCatalog } from '../../src/i18n/rules/load.js';
import { renderAudit } from '../../src/report/audit/index.js';
import { ROOT } from '../helpers/cli.js';

const EXAMPLES = join(ROOT, 'examples');
const SCRIPT = { zh: /[\u4e00-\u9fff]/, ru: /[\u0400-\u04ff]/ } as const;

describe('audit in other languages', async () => {
  const english = buildAuditReport(await runAudit(EXAMPLES));

  it.each(Object.keys(SCRIPT) as Array<keyof typeof SCRIPT>)(
    'shows every finding message translated by the rule catalog (%s)',
    async (lang) => {
      const report = buildAuditReport(await runAudit(EXAMPLES, { lang }));
      expect(english.findings.length).toBeGreaterThan(5);
      // The same findings at the same places; only the messages change.
      const strip = (f: (typeof report.findings)[number]) => ({ ...f, message: '' });
      expect(report.findings.map(strip)).toEqual(english.findings.map(strip));
      const untranslated = report.findings.filter(
        (f, i) =>
          f.rule !== 'shellcheck' &&
          (!SCRIPT[lang].test(f.message) || f.message === english.findings[i]!.message),
      );
      expect(untranslated).toEqual([]);
      // The rule catalog is the one `lint --lang` uses, and the rendered report carries its messages.
      const catalog = await loadRuleCatalog(lang);
      const cmd = report.findings.find((f) => f.rule === 'cmd-shell-form');
      expect(cmd?.message).toBe(
        catalog.ruleMessage('cmd-shell-form', 'default')!.replaceAll('{keyword}', 'CMD'),
      );
      // (Markdown escapes the brackets of the example that follows.)
      expect(renderAudit(report, 'markdown')).toContain(cmd!.message.slice(0, cmd!.message.indexOf('[')));
    },
  );

  it('takes a catalog given by the caller', async () => {
    const catalog: MessageCatalog = {
      lang: 'zh',
      ruleMessage: (rule, id) =>
        rule === 'cmd-shell-form' && id === 'default' ? '自定义 {keyword}' : undefined,
    };
    const report = buildAuditReport(await runAudit(EXAMPLES, { lang: 'zh', catalog }));
    expect(report.findings.find((f) => f.rule === 'cmd-shell-form')?.message).toBe('自定义 CMD');
    const other = report.findings.find((f) => f.rule !== 'cmd-shell-form');
    expect(other?.message).toBe(english.findings.find((f) => f.rule === other?.rule)?.message);
  });
});
