import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRuleCatalog, loadRuleTranslations, ruleSummary } from '../../src/i18n/rules/load.js';
import { CACHE_INFO } from '../../src/image/caches.js';
import { allRules } from '../../src/rules/all.js';
import { TOKEN_FORMATS } from '../../src/secrets/formats.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const OTHER_LANGS = ['zh', 'ru'] as const;

/** The script a translation must be written in (beyond the code and names it quotes). */
const SCRIPT: Record<(typeof OTHER_LANGS)[number], RegExp> = {
  zh: /[\u4e00-\u9fff]/,
  ru: /[\u0400-\u04ff]/,
};

function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))].sort();
}

/** Whether an English text has words of its own (not only placeholders, quoted code and punctuation). */
function hasWords(english: string): boolean {
  return /[A-Za-z]{3,}/.test(english.replace(/\{\w+\}/g, '').replace(/`[^`]*`/g, ''));
}

describe.each(OTHER_LANGS)('rule translations (%s)', (lang) => {
  it('translate every message of every rule with exactly the English placeholders, and its summary', async () => {
    const tables = await loadRuleTranslations(lang);
    const problems: string[] = [];
    for (const rule of allRules) {
      const entry = tables[rule.id];
      if (!entry) {
        problems.push(`${rule.id}: no translation`);
        continue;
      }
      if (!entry.summary.trim()) problems.push(`${rule.id}: empty summary`);
      else if (entry.summary === rule.docs.summary) problems.push(`${rule.id}: summary left in English`);
      else if (!SCRIPT[lang].test(entry.summary)) problems.push(`${rule.id}: summary not in ${lang}`);
      for (const [id, english] of Object.entries(rule.messages)) {
        const text = entry.messages[id];
        if (text === undefined || !text.trim()) {
          problems.push(`${rule.id}.${id}: no translation`);
          continue;
        }
        const want = placeholders(english).join(',');
        const got = placeholders(text).join(',');
        if (want !== got) problems.push(`${rule.id}.${id}: placeholders {${got}} instead of {${want}}`);
        if (hasWords(english) && !SCRIPT[lang].test(text)) problems.push(`${rule.id}.${id}: not in ${lang}`);
      }
      for (const id of Object.keys(entry.messages))
        if (!(id in rule.messages)) problems.push(`${rule.id}.${id}: the rule has no such message`);
      const used = new Set(Object.values(rule.messages).flatMap(placeholders));
      for (const [key, table] of Object.entries(entry.values ?? {})) {
        if (!used.has(key)) problems.push(`${rule.id}: values for {${key}}, which no message uses`);
        for (const [english, text] of Object.entries(table)) {
          if (!text.trim()) problems.push(`${rule.id}: {${key}} "${english}" has an empty translation`);
          const extra = placeholders(text).filter((p) => !placeholders(english).includes(p));
          if (extra.length > 0) problems.push(`${rule.id}: {${key}} "${english}" uses unknown {${extra}}`);
        }
      }
    }
    const known = new Set(allRules.map((r) => r.id));
    for (const id of Object.keys(tables))
      if (!known.has(id)) problems.push(`${id}: translated but no such rule`);
    expect(problems).toEqual([]);
  });

  it('gives summaries and messages through the catalog, and English falls back to the rules', async () => {
    const catalog = await loadRuleCatalog(lang);
    const tables = await loadRuleTranslations(lang);
    const rule = allRules.find((r) => r.id === 'apt-get-yes')!;
    expect(catalog.lang).toBe(lang);
    expect(catalog.ruleMessage(rule.id, 'default')).toBe(tables[rule.id]!.messages.default);
    expect(ruleSummary(rule, catalog)).toBe(tables[rule.id]!.summary);
    expect(catalog.ruleMessage('no-such-rule', 'default')).toBeUndefined();
    const english = await loadRuleCatalog('en');
    expect(english.ruleMessage(rule.id, 'default')).toBeUndefined();
    expect(ruleSummary(rule, english)).toBe(rule.docs.summary);
    expect(ruleSummary(rule)).toBe(rule.docs.summary);
  });

  it('translates every cache label and fix of the image reader', async () => {
    const catalog = await loadRuleCatalog(lang);
    const missing: string[] = [];
    for (const info of Object.values(CACHE_INFO)) {
      const data = catalog.localizeData!('image-package-cache', { label: info.label, fix: info.fix });
      if (!SCRIPT[lang].test(String(data.label))) missing.push(info.label);
      if (!SCRIPT[lang].test(String(data.fix))) missing.push(info.fix);
    }
    expect(missing).toEqual([]);
  });

  it('translates every description the secret detector gives', async () => {
    const catalog = await loadRuleCatalog(lang);
    // Descriptions are literals in src/secrets (token formats, secret files, named values); `${name}`
    // parts of template literals stand for a key name.
    const described = new Set<string>(TOKEN_FORMATS.map((f) => f.description));
    const dir = join(ROOT, 'src/secrets');
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.ts'))) {
      const text = readFileSync(join(dir, name), 'utf8');
      for (const m of text.matchAll(/description: (?:'([^']+)'|`([^`]+)`)/g))
        described.add((m[1] ?? m[2]!).replace(/\$\{\w+\}/g, 'DB_PASSWORD'));
    }
    expect(described.size).toBeGreaterThan(40);
    const missing = [...described].filter((d) => {
      const capitalised = d.charAt(0).toUpperCase() + d.slice(1);
      const plain = catalog.localizeData!('image-secret-in-env', { what: d }).what;
      const upper = catalog.localizeData!('secret-file-in-context', { description: capitalised }).description;
      return !SCRIPT[lang].test(String(plain)) || !SCRIPT[lang].test(String(upper));
    });
    expect(missing).toEqual([]);
  });
});

describe('localizeData', () => {
  it('translates exact values and patterns, keeps numbers and unknown values', async () => {
    const zh = await loadRuleCatalog('zh');
    expect(
      zh.localizeData!('dependencies-in-context', {
        files: '1 file',
        copy: 'COPY at line 4 (stage build)',
        size: 3,
      }),
    ).toEqual({
      files: '1 个文件',
      copy: '第 4 行的 COPY（阶段 build）',
      size: 3,
    });
    expect(zh.localizeData!('service-resource-limits-missing', { missing: 'memory', service: 'db' })).toEqual(
      {
        missing: '内存',
        service: 'db',
      },
    );
    expect(zh.localizeData!('service-resource-limits-missing', { missing: 'disk' }).missing).toBe('disk');
    expect(zh.localizeData!('apt-get-yes', { subcommand: 'install' })).toEqual({ subcommand: 'install' });
    const ru = await loadRuleCatalog('ru');
    expect(ru.localizeData!('secret-file-in-context', { description: 'Environment file' }).description).toBe(
      'Файл переменных окружения',
    );
    expect(ru.localizeData!('apt-pin-versions', { packages: '`a`, `b`, `c` and 2 more' }).packages).toBe(
      '`a`, `b`, `c` и ещё 2',
    );
    expect(ru.localizeData!('apt-pin-versions', { packages: '`a` and `b`' }).packages).toBe('`a` и `b`');
  });
});
