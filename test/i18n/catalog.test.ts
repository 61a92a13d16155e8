import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { defineCatalog, LANGS, registry } from '../../src/i18n/catalog.js';

const SRC = new URL('../../src', import.meta.url).pathname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

function placeholders(text: string): string {
  return [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))].sort().join(',');
}

describe('catalogs', () => {
  it('fills placeholders and falls back to English for a missing key', () => {
    const c = defineCatalog(
      'test',
      { hello: 'hello {name}' },
      { hello: '你好 {name}' },
      { hello: 'привет {name}' },
    );
    expect(c.t('zh', 'hello', { name: 'x' })).toBe('你好 x');
    expect(c.t('ru', 'hello')).toBe('привет {name}');
    expect(LANGS).toEqual(['en', 'zh', 'ru']);
  });

  it('are complete in every language: every English key, non-empty, with the same placeholders', async () => {
    // Every module of src/ that declares a catalog (also those added later), so the registry holds them all.
    const declaring = sourceFiles(SRC).filter(
      (p) => !p.endsWith('/i18n/catalog.ts') && readFileSync(p, 'utf8').includes('defineCatalog('),
    );
    expect(declaring.map((p) => relative(SRC, p))).toContain('i18n/report.ts');
    for (const p of declaring) await import(pathToFileURL(p).href);
    const catalogs = registry.filter((c) => c.area !== 'test');
    expect(catalogs.map((c) => c.area)).toContain('report');
    const problems: string[] = [];
    for (const catalog of catalogs) {
      const english = catalog.tables.en;
      for (const lang of ['zh', 'ru'] as const) {
        const table = catalog.tables[lang] as Record<string, string | undefined>;
        for (const [key, text] of Object.entries(english)) {
          const translated = table[key];
          if (translated === undefined || translated.trim() === '')
            problems.push(`${catalog.area}/${lang}: ${key} is missing`);
          else if (placeholders(translated) !== placeholders(text))
            problems.push(`${catalog.area}/${lang}: ${key} has other placeholders than English`);
        }
        for (const key of Object.keys(table))
          if (!(key in english)) problems.push(`${catalog.area}/${lang}: ${key} is not an English key`);
      }
    }
    expect(problems).toEqual([]);
  });
});
