import type { Lang, MessageCatalog } from '../catalog.js';
import type { RuleTranslations, ValueTable } from './types.js';

interface CompiledTable {
  exact: ReadonlyMap<string, string>;
  patterns: ReadonlyArray<{ regex: RegExp; names: string[]; template: string }>;
}

const PLACEHOLDER = /\{(\w+)\}/g;

function compile(table: ValueTable): CompiledTable {
  const exact = new Map<string, string>();
  const patterns: CompiledTable['patterns'][number][] = [];
  for (const [english, template] of Object.entries(table)) {
    if (!english.includes('{')) {
      exact.set(english, template);
      continue;
    }
    const names: string[] = [];
    let source = '';
    let last = 0;
    for (const m of english.matchAll(PLACEHOLDER)) {
      source += escapeRegExp(english.slice(last, m.index)) + '(.+?)';
      names.push(m[1]!);
      last = m.index + m[0].length;
    }
    source += escapeRegExp(english.slice(last));
    patterns.push({ regex: new RegExp(`^${source}$`, 's'), names, template });
  }
  return { exact, patterns };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function lookup(table: CompiledTable, value: string): string | undefined {
  const exact = table.exact.get(value);
  if (exact !== undefined) return exact;
  for (const p of table.patterns) {
    const m = p.regex.exec(value);
    if (!m) continue;
    const parts = new Map(p.names.map((name, i) => [name, m[i + 1]!]));
    return p.template.replace(PLACEHOLDER, (whole, name: string) => parts.get(name) ?? whole);
  }
  return undefined;
}

/** Translates one English value; a capitalised value (a sentence start) is also looked up in lower case. */
function translateValue(table: CompiledTable, value: string): string | undefined {
  const found = lookup(table, value);
  if (found !== undefined) return found;
  const first = value.charAt(0);
  if (first === first.toLowerCase()) return undefined;
  const lowered = lookup(table, first.toLowerCase() + value.slice(1));
  return lowered === undefined ? undefined : lowered.charAt(0).toUpperCase() + lowered.slice(1);
}

/** A message catalog over translation tables (for any language but English). */
export function catalogOf(lang: Lang, rules: RuleTranslations): MessageCatalog {
  const compiled = new Map<string, Map<string, CompiledTable>>();
  const tablesOf = (ruleId: string): Map<string, CompiledTable> | undefined => {
    let tables = compiled.get(ruleId);
    if (tables) return tables;
    const values = rules[ruleId]?.values;
    if (!values) return undefined;
    tables = new Map(Object.entries(values).map(([key, table]) => [key, compile(table)]));
    compiled.set(ruleId, tables);
    return tables;
  };
  return {
    lang,
    ruleMessage: (ruleId, messageId) => rules[ruleId]?.messages[messageId],
    ruleSummary: (ruleId) => rules[ruleId]?.summary,
    localizeData(ruleId, data) {
      const tables = tablesOf(ruleId);
      if (!tables) return { ...data };
      const out: Record<string, string | number> = {};
      for (const [key, value] of Object.entries(data)) {
        const table = typeof value === 'string' && value !== '' ? tables.get(key) : undefined;
        out[key] = table ? (translateValue(table, value as string) ?? value) : value;
      }
      return out;
    },
  };
}

/** The catalog of English: rules' own messages and summaries are used. */
export const ENGLISH: MessageCatalog = {
  lang: 'en',
  ruleMessage: () => undefined,
  ruleSummary: () => undefined,
};
