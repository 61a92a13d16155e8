import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildAuditReport } from '../../src/audit/build.js';
import { runAudit } from '../../src/audit/run.js';
import { addRuleMessages, ruleMessageCatalog } from '../../src/i18n/rule-messages.js';
import { renderAudit } from '../../src/report/audit/index.js';
import { ROOT } from '../helpers/cli.js';

describe('rule message translations', () => {
  it('are used by the audit report when present, English otherwise', async () => {
    addRuleMessages('zh', { 'cmd-shell-form': { default: '请用 JSON 形式书写 {keyword}' } });
    const run = await runAudit(join(ROOT, 'examples'), { lang: 'zh' });
    const report = buildAuditReport(run);
    const cmd = report.findings.find((f) => f.rule === 'cmd-shell-form' && f.file === 'backend/Dockerfile');
    expect(cmd?.message).toBe('请用 JSON 形式书写 CMD');
    const untranslated = report.findings.find((f) => f.rule === 'copy-relative-no-workdir');
    expect(untranslated?.message).toBe('set WORKDIR before copying to the relative destination "."');
    expect(renderAudit(report, 'markdown')).toContain('请用 JSON 形式书写 CMD');
    // Russian has no table for it: English.
    const ru = buildAuditReport(await runAudit(join(ROOT, 'examples'), { lang: 'ru' }));
    expect(ru.findings.find((f) => f.rule === 'cmd-shell-form')?.message).toMatch(/^write CMD in JSON form/);
  });

  it('have no catalog for English and let later tables win', () => {
    expect(ruleMessageCatalog('en')).toBeUndefined();
    addRuleMessages('ru', { r: { default: 'первый' } });
    addRuleMessages('ru', { r: { default: 'второй' } });
    expect(ruleMessageCatalog('ru')?.ruleMessage('r', 'default')).toBe('второй');
    expect(ruleMessageCatalog('ru')?.ruleMessage('r', 'other')).toBeUndefined();
  });
});
