import type { RuleMeta } from '../../core/rule.js';
import type { Lang, MessageCatalog } from '../catalog.js';
import { catalogOf, ENGLISH } from './catalog.js';
import type { RuleTranslations } from './types.js';

const loaded = new Map<Lang, Promise<MessageCatalog>>();

/** The translation tables of one language (empty for English, whose texts live in the rules). */
export async function loadRuleTranslations(lang: Lang): Promise<RuleTranslations> {
  switch (lang) {
    case 'en':
      return {};
    case 'zh':
      return (await import('./zh/index.js')).ZH_RULES;
    case 'ru':
      return (await import('./ru/index.js')).RU_RULES;
    default: {
      const unknown: never = lang;
      throw new Error(`no rule translations for ${String(unknown)}`);
    }
  }
}

/**
 * The catalog of rule messages in a language, for the `catalog` option of the engine. Translations load
 * on first use only, so English runs never read them.
 */
export function loadRuleCatalog(lang: Lang): Promise<MessageCatalog> {
  if (lang === 'en') return Promise.resolve(ENGLISH);
  let catalog = loaded.get(lang);
  if (!catalog) {
    catalog = loadRuleTranslations(lang).then((rules) => catalogOf(lang, rules));
    loaded.set(lang, catalog);
  }
  return catalog;
}

/** What a rule checks, in the catalog's language when it has a translation. */
export function ruleSummary(rule: Pick<RuleMeta, 'id' | 'docs'>, catalog?: MessageCatalog): string {
  return catalog?.ruleSummary?.(rule.id) ?? rule.docs.summary;
}
