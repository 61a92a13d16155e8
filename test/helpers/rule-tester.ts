import { describe, expect, it } from 'vitest';
import { type Config, defaultConfig } from '../../src/config/settings.js';
import type { ContextFacts } from '../../src/dockerfile/analysis.js';
import { parseDockerfile } from '../../src/dockerfile/parse.js';
import { lintDockerfile } from '../../src/engine/lint-dockerfile.js';
import type { RuleFailure } from '../../src/engine/run-rules.js';
import { fixToFixpoint } from '../../src/fix/fixpoint.js';
import type { DockerfileRule } from '../../src/rules/define.js';

export interface ExpectedFinding {
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  /** Exact message, or a pattern it must match. */
  message?: string | RegExp;
  severity?: string;
}

export interface ValidCase {
  name?: string;
  code: string;
  config?: Partial<Config>;
  /** Build-context facts, for rules that read `model.context` (`lint --context`). */
  context?: ContextFacts;
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedFinding[];
  /** Text after applying the rule's fixes to a fixpoint (safe and suggested); omit when not fixable. */
  output?: string;
}

function configOf(partial: Partial<Config> | undefined): Config {
  return { ...defaultConfig(), ...partial };
}

/** Lints a text with one rule (pragmas and config applied as in real runs). */
export function lintWith(
  rule: DockerfileRule,
  code: string,
  config?: Partial<Config>,
  context?: ContextFacts,
) {
  const file = parseDockerfile(code, 'Dockerfile');
  const failures: RuleFailure[] = [];
  const findings = lintDockerfile(file, { config: configOf(config), rules: [rule], failures, context });
  if (failures.length > 0) throw failures[0]!.error;
  return { file, findings };
}

/** Applies the rule's fixes to a fixpoint and returns the text. */
export function fixWith(
  rule: DockerfileRule,
  code: string,
  config?: Partial<Config>,
  context?: ContextFacts,
): string {
  return fixToFixpoint(
    code,
    (text) => {
      const { file, findings } = lintWith(rule, text, config, context);
      return { findings, problems: file.problems.length };
    },
    { unsafe: true },
  ).output;
}

/**
 * Table test for one Dockerfile rule: valid cases report nothing, invalid ones exactly the expected findings.
 * The docs examples are linted with the configuration they declare (`docs.config`) and, for rules that need
 * `lint --context`, with `docsContext`.
 */
export function testRule(
  rule: DockerfileRule,
  cases: {
    valid: ValidCase[];
    invalid: InvalidCase[];
    /** Build context the docs examples are linted with (rules that need `lint --context`). */
    docsContext?: ContextFacts;
  },
): void {
  describe(`${rule.id} (${rule.code})`, () => {
    it('has complete metadata', () => {
      expect(rule.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(rule.code).toMatch(/^DA\d{4}$/);
      for (const k of ['summary', 'rationale', 'bad', 'good'] as const)
        expect(rule.docs[k].length).toBeGreaterThan(0);
      expect(rule.messages.default ?? Object.values(rule.messages)[0]).toBeTruthy();
    });
    if (cases.invalid.length > 0) {
      it('reports its own docs "bad" example and not the "good" one', () => {
        const config = { enabled: [rule.id], ...(rule.docs.config as Partial<Config> | undefined) };
        expect(
          lintWith(rule, `${rule.docs.bad}\n`, config, cases.docsContext).findings.length,
        ).toBeGreaterThan(0);
        expect(lintWith(rule, `${rule.docs.good}\n`, config, cases.docsContext).findings).toEqual([]);
      });
    }
    cases.valid.forEach((c, i) => {
      it(`valid #${i + 1}${c.name ? `: ${c.name}` : ''}`, () => {
        const { findings } = lintWith(rule, c.code, { enabled: [rule.id], ...c.config }, c.context);
        expect(findings.map((f) => `${f.line}:${f.column} ${f.message}`)).toEqual([]);
      });
    });
    cases.invalid.forEach((c, i) => {
      it(`invalid #${i + 1}${c.name ? `: ${c.name}` : ''}`, () => {
        const { findings } = lintWith(rule, c.code, { enabled: [rule.id], ...c.config }, c.context);
        expect(findings.length, findings.map((f) => `${f.line}:${f.column} ${f.message}`).join('\n')).toBe(
          c.errors.length,
        );
        c.errors.forEach((e, k) => {
          const f = findings[k]!;
          expect({ line: f.line, column: f.column }).toEqual({ line: e.line, column: e.column });
          if (e.endLine !== undefined) expect(f.endLine).toBe(e.endLine);
          if (e.endColumn !== undefined) expect(f.endColumn).toBe(e.endColumn);
          if (typeof e.message === 'string') expect(f.message).toBe(e.message);
          else if (e.message) expect(f.message).toMatch(e.message);
          if (e.severity) expect(f.severity).toBe(e.severity);
        });
        if (c.output !== undefined) {
          const fixed = fixWith(rule, c.code, { enabled: [rule.id], ...c.config }, c.context);
          expect(fixed).toBe(c.output);
          // Fixing is idempotent: a second run changes nothing.
          expect(fixWith(rule, fixed, { enabled: [rule.id], ...c.config }, c.context)).toBe(fixed);
        } else if (rule.fixable) {
          expect(findings.every((f) => !f.fix)).toBe(true);
        }
      });
    });
  });
}
