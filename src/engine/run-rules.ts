import type { Config, RuleSettings } from '../config/settings.js';
import type { Finding, Fix, Severity, TextEdit } from '../core/finding.js';
import type { LineIndex, Span } from '../core/positions.js';
import { formatMessage, type ReportDescriptor, type Rule, type RuleMeta } from '../core/rule.js';
import type { MessageCatalog } from '../i18n/catalog.js';

export interface RuleFailure {
  rule: string;
  file: string;
  error: unknown;
}

export interface RunRulesInput<M> {
  /** Path shown in findings. */
  file: string;
  model: M;
  lines: LineIndex;
  rules: readonly Rule<M, RuleSettings>[];
  config: Config;
  catalog?: MessageCatalog;
  /** Target-specific suppression (pragmas); receives the rule, where it reported and the finding's own aliases. */
  suppressed?: (rule: RuleMeta, span: Span, aliases: readonly string[]) => boolean;
  /** Rules that threw; the run goes on without their findings. */
  failures?: RuleFailure[];
}

/** Keys a rule can be named by in configuration and pragmas: id, code and aliases. */
export function ruleKeys(rule: RuleMeta): string[] {
  return [rule.id, rule.code, ...rule.aliases];
}

function matches(rule: RuleMeta, keys: ReadonlySet<string>): boolean {
  if (keys.size === 0) return false;
  if (keys.has(rule.id) || keys.has(rule.code)) return true;
  for (const a of rule.aliases) if (keys.has(a)) return true;
  return false;
}

export interface RuleSelection {
  isEnabled(rule: RuleMeta): boolean;
  severityOf(rule: RuleMeta): Severity;
  /** Whether a finding's own alias (e.g. a ShellCheck code) is switched off. */
  isIgnoredAlias(alias: string): boolean;
  /** Severity configured for a finding's own alias, if any. */
  severityOfAlias(alias: string): Severity | undefined;
}

/** Which rules run, and at what severity, under a configuration. */
export function selectRules(config: Config): RuleSelection {
  const ignored = new Set(config.ignored);
  const enabled = new Set(config.enabled);
  const overrides = new Map(Object.entries(config.severity));
  return {
    isEnabled(rule) {
      if (matches(rule, ignored)) return false;
      if (rule.enabledByDefault === false) return matches(rule, enabled) || hasOverride(rule, overrides);
      return true;
    },
    severityOf(rule) {
      for (const k of ruleKeys(rule)) {
        const s = overrides.get(k);
        if (s) return s;
      }
      return rule.severity;
    },
    isIgnoredAlias(alias) {
      return ignored.has(alias);
    },
    severityOfAlias(alias) {
      return overrides.get(alias);
    },
  };
}

function hasOverride(rule: RuleMeta, overrides: Map<string, Severity>): boolean {
  return ruleKeys(rule).some((k) => overrides.has(k));
}

/**
 * Which of `rules` run under a selection, with their severity. Lint runs the same rule list under the same
 * configuration for every file, so this is worked out once per (selection, rule list), not per file.
 */
interface Selected<M> {
  rule: Rule<M, RuleSettings>;
  severity: Severity;
}

interface CachedSelection {
  selection: RuleSelection;
  byRules: WeakMap<readonly Rule<unknown, RuleSettings>[], Selected<unknown>[]>;
}

/** Selections by the configuration fields they read (a key, not the object: configurations are mutable). */
const selections = new Map<string, CachedSelection>();

function selectionKey(config: Config): string {
  let key = `${config.ignored.join('\0')}\u0001${config.enabled.join('\0')}\u0001`;
  for (const k in config.severity) key += `${k}\0${config.severity[k]}\0`;
  return key;
}

function selectedRules<M>(config: Config, rules: readonly Rule<M, RuleSettings>[]) {
  const key = selectionKey(config);
  let cached = selections.get(key);
  if (!cached) {
    if (selections.size >= 64) selections.clear();
    cached = { selection: selectRules(config), byRules: new WeakMap() };
    selections.set(key, cached);
  }
  let selected = cached.byRules.get(rules as readonly Rule<unknown, RuleSettings>[]) as
    | Selected<M>[]
    | undefined;
  if (!selected) {
    selected = [];
    for (const rule of rules)
      if (cached.selection.isEnabled(rule))
        selected.push({ rule, severity: cached.selection.severityOf(rule) });
    cached.byRules.set(rules as readonly Rule<unknown, RuleSettings>[], selected as Selected<unknown>[]);
  }
  return { selection: cached.selection, selected };
}

/** Runs rules over one model and turns their reports into findings. Rules that throw are recorded, not fatal. */
export function runRules<M>(input: RunRulesInput<M>): Finding[] {
  const findings: Finding[] = [];
  const { selection, selected } = selectedRules(input.config, input.rules);
  // One report function for the whole run (checks are synchronous): the rule it reports for is `current`.
  let current: Selected<M> = selected[0]!;
  const report = (d: ReportDescriptor) => {
    const rule = current.rule;
    const extra = d.aliases ?? NO_ALIASES;
    if (extra.length > 0 && extra.some((a) => selection.isIgnoredAlias(a))) return;
    if (input.suppressed?.(rule, d.span, extra)) return;
    let own = current.severity;
    for (const a of extra) {
      const s = selection.severityOfAlias(a);
      if (s) {
        own = s;
        d = { ...d, severity: undefined };
        break;
      }
    }
    findings.push(toFinding(input, rule, own, d));
  };
  const ctx = { model: input.model, settings: input.config, report };
  for (let i = 0; i < selected.length; i++) {
    current = selected[i]!;
    try {
      current.rule.check(ctx);
    } catch (error) {
      if (input.failures) input.failures.push({ rule: current.rule.id, file: input.file, error });
      else throw error;
    }
  }
  return findings;
}

const NO_ALIASES: readonly string[] = [];

function toFinding<M>(
  input: RunRulesInput<M>,
  rule: RuleMeta,
  severity: Severity,
  d: ReportDescriptor,
): Finding {
  const messageId = d.messageId ?? 'default';
  const template =
    input.catalog?.ruleMessage(rule.id, messageId) ?? rule.messages[messageId] ?? rule.docs.summary;
  const region = d.at ? d.at.region : input.lines.region(d.span);
  const finding: Finding = {
    file: d.at?.file ?? input.file,
    rule: rule.id,
    code: rule.code,
    aliases: d.aliases ? [...rule.aliases, ...d.aliases] : [...rule.aliases],
    severity: d.severity && severity === rule.severity ? d.severity : severity,
    category: rule.category,
    ...region,
    message: formatMessage(
      template,
      d.data && input.catalog?.localizeData ? input.catalog.localizeData(rule.id, d.data) : d.data,
    ),
  };
  if (d.fix) {
    const fix: Fix = Array.isArray(d.fix)
      ? { safety: rule.fixable ?? 'suggested', edits: d.fix as TextEdit[] }
      : (d.fix as Fix);
    if (fix.edits.length > 0) {
      finding.fix = fix;
      finding.fixable = fix.safety;
    }
  }
  return finding;
}
