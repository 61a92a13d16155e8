import { describe, expect, it } from 'vitest';
import { auditCatalog } from '../../src/audit/i18n/index.js';
import { LANGS } from '../../src/i18n/catalog.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const codeSpans = (text: string) => (text.match(/`/g) ?? []).length;

describe('audit catalog', () => {
  const { en } = auditCatalog.tables;
  const keys = Object.keys(en) as (keyof typeof en)[];

  it('has every key in every language, none empty, none left in English by mistake', () => {
    for (const lang of LANGS) {
      const table = auditCatalog.tables[lang] as Record<string, string>;
      expect(Object.keys(table).sort()).toEqual([...keys].sort());
      for (const key of keys) expect(table[key]?.trim(), `${lang} ${key}`).toBeTruthy();
    }
    // A translation identical to English is allowed only for names, symbols and templates made of
    // placeholders and punctuation alone.
    const same = keys.filter(
      (k) => auditCatalog.tables.zh[k] === en[k] || auditCatalog.tables.ru[k] === en[k],
    );
    for (const k of same) {
      if (!/\p{L}/u.test(en[k].replace(/\{\w+\}/g, ''))) continue;
      expect(en[k], k).toMatch(/^(?:#|[A-Z.]?[A-Za-z.]*|\.dockerignore)$/);
    }
  });

  it('keeps the same placeholders and code spans in every language', () => {
    for (const lang of ['zh', 'ru'] as const)
      for (const key of keys) {
        const text = auditCatalog.tables[lang][key];
        expect(placeholders(text), `${lang} ${key}`).toEqual(placeholders(en[key]));
        expect(codeSpans(text), `${lang} ${key}`).toBe(codeSpans(en[key]));
      }
  });

  it('fills placeholders in the chosen language', () => {
    expect(auditCatalog.t('zh', 'plan.autofix', { count: 3 })).toBe('应用 3 项自动修复');
    expect(auditCatalog.t('ru', 'inventory.total', { size: '~1 GB', basis: 'оценка' })).toBe(
      'Итого: ~1 GB (оценка)',
    );
  });
});
