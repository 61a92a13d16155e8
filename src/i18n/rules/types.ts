/**
 * Translations of rule texts into one language. English stays with each rule (`messages`, `docs.summary`);
 * these tables are keyed by rule id and loaded only when another language is asked for.
 */

/**
 * Translations of the English values a rule puts in one placeholder. A key is either an exact English value
 * or a pattern whose `{name}` parts match any text (`'{n} files'`, `'line {line} ({keyword})'`); the
 * translation may use the same `{name}` parts.
 */
export type ValueTable = Readonly<Record<string, string>>;

export interface RuleTranslation {
  /** The rule's `docs.summary`, one line. */
  summary: string;
  /** Every message id of the rule, with exactly the English placeholders. */
  messages: Readonly<Record<string, string>>;
  /** Per placeholder, translations of the English phrases the rule fills it with. */
  values?: Readonly<Record<string, ValueTable>>;
}

/** Translations of many rules, by rule id. */
export type RuleTranslations = Readonly<Record<string, RuleTranslation>>;
