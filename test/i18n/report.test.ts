import { describe, expect, it } from 'vitest';
import { countOf, severityWord } from '../../src/i18n/report.js';
import { render } from '../../src/report/index.js';
import { displayWidth } from '../../src/report/tty.js';
import { fixtureInput } from '../report/fixture.js';

describe('report words', () => {
  it('count nouns in the plural forms of each language', () => {
    expect([0, 1, 2, 5].map((n) => countOf('en', 'problem', n))).toEqual([
      '0 problems',
      '1 problem',
      '2 problems',
      '5 problems',
    ]);
    expect([1, 2, 5, 11, 21, 22].map((n) => countOf('ru', 'error', n))).toEqual([
      '1 ошибка',
      '2 ошибки',
      '5 ошибок',
      '11 ошибок',
      '21 ошибка',
      '22 ошибки',
    ]);
    expect([1, 3].map((n) => countOf('ru', 'filesIn', n))).toEqual(['1 файле', '3 файлах']);
    expect([1, 3].map((n) => countOf('zh', 'warning', n))).toEqual(['1 个警告', '3 个警告']);
    expect(countOf('en', 'info', 2)).toBe('2 info');
    expect(severityWord('zh', 'error')).toBe('错误');
  });

  it('measure wide characters as two terminal columns', () => {
    expect(displayWidth('warning')).toBe(7);
    expect(displayWidth('警告')).toBe(4);
    expect(displayWidth('предупреждение')).toBe(14);
  });
});

describe('tty report', () => {
  it('keeps English as it was by default', async () => {
    const text = await render('tty', fixtureInput(), { color: false });
    expect(await render('tty', fixtureInput(), { color: false, lang: 'en' })).toBe(text);
    expect(text).toContain('  5:1     error   unknown instruction');
    expect(text).toMatch(
      /✖ 4 problems \(1 error, 1 warning, 1 info, 1 style\) in 4 files; 1 fixable with `dockaudit fix`\n$/,
    );
  });

  it('writes its own words in Chinese, severity columns aligned on display width', async () => {
    const text = await render('tty', fixtureInput(), { color: false, lang: 'zh' });
    expect(text).toMatch(
      /✖ 在 4 个文件中发现 4 个问题（1 个错误，1 个警告，1 条提示，1 条风格问题）；其中 1 个可用 `dockaudit fix` 修复\n$/,
    );
    expect(text).toContain('  5:1     错误 ');
    expect(text).toContain('[可修复]');
    // Messages start one column after the widest label (错误, 警告… are 4 columns wide), on every row.
    const rows = text.split('\n').filter((l) => /^ {2}\d+:\d+/.test(l));
    expect(rows.length).toBe(4);
    for (const row of rows) {
      const lead = /^ {2}\S+\s+\S+\s+/.exec(row)![0];
      expect(displayWidth(lead)).toBe(10 + 4 + 1);
    }
    const empty = { ...fixtureInput(), findings: [], errors: [] };
    expect(await render('tty', empty, { color: false, lang: 'zh' })).toBe('✔ 在 4 个文件中未发现问题\n');
  });

  it('writes its own words in Russian', async () => {
    const text = await render('tty', fixtureInput(), { color: false, lang: 'ru' });
    expect(text).toMatch(
      /✖ 4 проблемы \(1 ошибка, 1 предупреждение, 1 замечание, 1 замечание по стилю\) в 4 файлах; исправимо с помощью `dockaudit fix`: 1\n$/,
    );
    expect(text).toContain('  5:1     ошибка         unknown instruction');
    const empty = { ...fixtureInput(), findings: [], errors: [], files: ['Dockerfile'] };
    expect(await render('tty', empty, { color: false, lang: 'ru' })).toBe('✔ нет проблем в 1 файле\n');
  });
});

describe('markdown report', () => {
  it('writes its summary, headers and fix column in the language', async () => {
    const zh = await render('markdown', fixtureInput(), { color: false, lang: 'zh' });
    expect(zh).toContain(
      '在 4 个文件中发现 **4 个问题**（1 个错误，1 个警告，1 条提示，1 条风格问题）；1 个输入无法读取。',
    );
    expect(zh).toContain('| 行 | 级别 | 规则 | 信息 | 修复 |');
    expect(zh).toContain('> **无法读取**（第 1 行）: binary file, not a Dockerfile');
    expect(zh).toMatch(/\| \*\*错误\*\* \|/);
    const ru = await render('markdown', fixtureInput(), { color: false, lang: 'ru' });
    expect(ru).toContain(
      '**4 проблемы** (1 ошибка, 1 предупреждение, 1 замечание, 1 замечание по стилю) в 4 файлах; не удалось прочитать 1 входной файл.',
    );
    expect(ru).toContain('| Строка | Уровень | Правило | Сообщение | Исправление |');
    expect(ru).toContain('| безопасное |');
    const empty = { ...fixtureInput(), findings: [], errors: [], files: ['a', 'b'] };
    expect(await render('markdown', empty, { color: false, lang: 'ru' })).toContain(
      'Нет проблем в 2 файлах.',
    );
    expect(await render('markdown', empty, { color: false })).toContain('No problems in 2 files.');
  });
});
