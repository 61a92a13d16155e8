import type { Severity, Threshold } from '../core/finding.js';

/** Types of the hadolint label schema. */
export type LabelType = 'url' | 'rfc3339' | 'spdx' | 'hash' | 'semver' | 'email' | 'text';

/** What rules may read from configuration. */
export interface RuleSettings {
  /** Registries base images may come from (empty: any). */
  trustedRegistries: string[];
  /** Labels that must be present, with their value type. */
  labelSchema: Record<string, LabelType>;
  /** Labels not in the schema are reported. */
  strictLabels: boolean;
  /** Optional per-rule options, keyed by rule id. */
  ruleOptions: Record<string, Record<string, unknown>>;
}

/** The whole configuration as the engine uses it (merged from files and flags). */
export interface Config extends RuleSettings {
  /** Rule ids, codes or aliases that are switched off. */
  ignored: string[];
  /** Rule ids, codes or aliases switched on (for rules off by default). */
  enabled: string[];
  /** Severity overrides, keyed by rule id, code or alias. */
  severity: Record<string, Severity>;
  failureThreshold: Threshold;
  disableIgnorePragma: boolean;
  noFail: boolean;
  /**
   * Which findings decide the exit code of `lint`: `all`, or `hadolint` (only findings of rules that have a
   * hadolint or ShellCheck equivalent). A repository configured only by `.hadolint.yaml` gets `hadolint`,
   * so dropping dockaudit into its CI keeps hadolint's pass/fail; dockaudit's own findings are still shown.
   */
  gate: Gate;
}

export type Gate = 'all' | 'hadolint';

export function defaultConfig(): Config {
  return {
    ignored: [],
    enabled: [],
    severity: {},
    failureThreshold: 'info',
    disableIgnorePragma: false,
    noFail: false,
    gate: 'all',
    trustedRegistries: [],
    labelSchema: {},
    strictLabels: false,
    ruleOptions: {},
  };
}
