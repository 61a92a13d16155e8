/** Languages of reports and messages. */
export type Lang = 'en' | 'zh' | 'ru';

export const LANGS: readonly Lang[] = ['en', 'zh', 'ru'];

export function isLang(value: unknown): value is Lang {
  return value === 'en' || value === 'zh' || value === 'ru';
}

/**
 * A message catalog for rule messages: English lives with each rule (its `messages`); other languages
 * come from translation tables keyed by rule id and message id.
 */
export interface MessageCatalog {
  lang: Lang;
  /** A translated rule message, or undefined to fall back to the rule's English message. */
  ruleMessage(ruleId: string, messageId: string): string | undefined;
}

/** A set of user-facing strings in every language; the English table defines the keys. */
export interface Catalog<K extends string> {
  /** Area the strings belong to (report, optimize, audit…), for tests and error messages. */
  readonly area: string;
  readonly tables: {
    readonly en: Readonly<Record<K, string>>;
    readonly zh: Readonly<Record<K, string>>;
    readonly ru: Readonly<Record<K, string>>;
  };
}

/**
 * Declares a catalog. The type makes every language carry exactly the English keys; a test also checks
 * at run time that no translation is empty.
 */
export function defineCatalog<const T extends Record<string, string>>(
  area: string,
  en: T,
  zh: Record<keyof T & string, string>,
  ru: Record<keyof T & string, string>,
): Catalog<keyof T & string> & {
  t: (lang: Lang, key: keyof T & string, data?: Record<string, string | number>) => string;
} {
  const tables = { en, zh, ru } as Catalog<keyof T & string>['tables'];
  const catalog = {
    area,
    tables,
    t(lang: Lang, key: keyof T & string, data?: Record<string, string | number>): string {
      const template = tables[lang][key] ?? tables.en[key];
      if (!data) return template;
      return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
        data[name] === undefined ? whole : String(data[name]),
      );
    },
  };
  registry.push(catalog as unknown as Catalog<string>);
  return catalog;
}

/** Every catalog declared so far (tests import the modules that declare them, then check this). */
export const registry: Catalog<string>[] = [];
