/**
 * Translations of rule messages (the `messages` of each rule, English in the rule itself), by language,
 * rule id and message id. Translation tables register here; `ruleMessageCatalog(lang)` is the
 * `MessageCatalog` the engine uses, falling back to English for any message without a translation.
 */
import type { Lang, MessageCatalog } from './catalog.js';

/** Rule id → message id → translated template (same `{placeholders}` as the English message). */
export type RuleMessageTable = Readonly<Record<string, Readonly<Record<string, string>>>>;

const tables: Record<Exclude<Lang, 'en'>, RuleMessageTable[]> = { zh: [], ru: [] };

/** Registers translations of rule messages for a language (later tables win for the same message). */
export function addRuleMessages(lang: Exclude<Lang, 'en'>, table: RuleMessageTable): void {
  tables[lang].unshift(table);
}

/** The catalog of rule messages for a language; undefined for English (rules carry it). */
export function ruleMessageCatalog(lang: Lang): MessageCatalog | undefined {
  if (lang === 'en') return undefined;
  const list = tables[lang];
  return {
    lang,
    ruleMessage(ruleId, messageId) {
      for (const table of list) {
        const text = table[ruleId]?.[messageId];
        if (text) return text;
      }
      return undefined;
    },
  };
}
