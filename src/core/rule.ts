import type { Category, Fix, FixSafety, Severity, Target, TextEdit } from './finding.js';
import type { Region, Span } from './positions.js';

export interface RuleDocs {
  /** One sentence: what the rule checks. */
  summary: string;
  /** Why it matters, tied to the practice it comes from. */
  rationale: string;
  /** A short example that triggers the rule. */
  bad: string;
  /** The same example, corrected. */
  good: string;
  /** Optional links (specifications, upstream docs). */
  references?: string[];
  /** Configuration (keys of the engine's `Config`) the examples need, for rules driven by settings. */
  config?: Readonly<Record<string, unknown>>;
}

export interface RuleMeta {
  /** Stable kebab-case id that says what the rule means. */
  id: string;
  /** Short stable code: DA1xxx syntax, DA2xxx packages/size, DA3xxx security, DA4xxx stages/runtime,
   * DA5xxx compose, DA6xxx context, DA7xxx image, DA8xxx vulnerabilities. */
  code: string;
  /** Equivalent ids in other tools (hadolint DLxxxx, BuildKit check names, ...), when exact. */
  aliases: readonly string[];
  severity: Severity;
  category: Category;
  target: Target;
  docs: RuleDocs;
  /** English message catalog of the rule; `{name}` placeholders are filled from the report's data. */
  messages: Readonly<Record<string, string>>;
  /** Whether (and how safely) the rule's findings can be fixed automatically. */
  fixable?: FixSafety;
  /** Rules off by default must be switched on in config or with --enable. */
  enabledByDefault?: boolean;
}

export type ReportData = Record<string, string | number>;

export interface ReportDescriptor {
  /** Where the problem is, as offsets into the source text of the model. */
  span: Span;
  /** Key into the rule's messages; defaults to `default`. */
  messageId?: string;
  data?: ReportData;
  /** Repair edits; a bare list uses the rule's declared safety. */
  fix?: Fix | TextEdit[];
  /** Overrides the rule's severity for this finding (e.g. a secret with a known token format). */
  severity?: Severity;
  /**
   * A location in another file than the model's own source text (a build-context rule reports on the
   * Dockerfile, the ignore file or any file of the context). When set, `span` is not used for the
   * position.
   */
  at?: { file: string; region: Region };
  /**
   * Codes of this finding in another tool, added to the rule's aliases (e.g. `SC2086` for a ShellCheck
   * finding). Configuration (`ignored`, severity overrides) and pragmas may name them.
   */
  aliases?: string[];
}

export interface RuleContext<M, S = unknown> {
  readonly model: M;
  readonly settings: S;
  report(descriptor: ReportDescriptor): void;
}

export interface Rule<M, S = unknown> extends RuleMeta {
  check(ctx: RuleContext<M, S>): void;
}

/** Identity helper that gives rule objects their type. */
export function defineRule<M, S = unknown>(rule: Rule<M, S>): Rule<M, S> {
  return rule;
}

/** Fills `{name}` placeholders. Unknown placeholders are left as they are. */
export function formatMessage(template: string, data: ReportData | undefined): string {
  if (!data) return template;
  let open = template.indexOf('{');
  if (open === -1) return template;
  // A scan rather than a replace with a callback: this runs for every finding.
  let out = '';
  let done = 0;
  while (open !== -1) {
    let end = open + 1;
    while (end < template.length && isWordChar(template.charCodeAt(end))) end++;
    if (end > open + 1 && template.charCodeAt(end) === 125) {
      const value = data[template.slice(open + 1, end)];
      if (value !== undefined) {
        out += template.slice(done, open) + String(value);
        done = end + 1;
      }
      open = template.indexOf('{', end + 1);
    } else open = template.indexOf('{', open + 1);
  }
  return done === 0 ? template : out + template.slice(done);
}

/** The characters of `\w`: A-Z, a-z, 0-9 and _. */
function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}
