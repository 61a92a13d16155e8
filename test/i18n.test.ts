import { describe, expect, it } from 'vitest';
import { defineCatalog, LANGS } from '../src/i18n/catalog.js';

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
});
