/** Languages of reports and messages. */
export type Lang = 'en' | 'zh' | 'ru';

export const LANGS: readonly Lang[] = ['en', 'zh', 'ru'];

export function isLang(value: unknown): value is Lang {
  return value === 'en' || value === 'zh' || value === 'ru';
}

/**
 * A message catalog: rule messages keyed by rule id and message id, and UI strings keyed by dotted keys.
 * English rule messages live with each rule (its `messages`); other languages come from translation tables.
 */
export interface MessageCatalog {
  lang: Lang;
  /** A translated rule message, or undefined to fall back to the rule's English message. */
  ruleMessage(ruleId: string, messageId: string): string | undefined;
}
