import type { Finding, FixSafety } from '../core/finding.js';
import { applyEditGroups } from './edits.js';

export interface FixOptions {
  /** Also apply `suggested` fixes (they may change behaviour). */
  unsafe: boolean;
  /** Only fixes of these rules (ids, codes or aliases); all when empty. */
  rules?: readonly string[];
  maxRounds?: number;
}

export interface FixOutcome {
  output: string;
  changed: boolean;
  rounds: number;
  /** Number of findings fixed, by rule id. */
  fixedByRule: Map<string, number>;
  /** Findings still present after fixing. */
  remaining: Finding[];
  /** Fixes dropped because the result no longer read as a valid file. */
  dropped: Finding[];
}

/**
 * Fixes a text to a fixpoint: lint, apply every non-overlapping fix, check the result still reads
 * cleanly, repeat until nothing changes. `lint` returns findings with fixes and the number of parse
 * problems of the text, so a fix that breaks the file is dropped instead of written.
 */
export function fixToFixpoint(
  text: string,
  lint: (text: string) => { findings: Finding[]; problems: number },
  options: FixOptions,
): FixOutcome {
  const allowed = (safety: FixSafety) => safety === 'safe' || options.unsafe;
  const wanted = (f: Finding) =>
    !options.rules ||
    options.rules.length === 0 ||
    options.rules.some((r) => r === f.rule || r === f.code || f.aliases.includes(r));
  const fixedByRule = new Map<string, number>();
  const dropped: Finding[] = [];
  const rejected = new Set<string>();
  let current = text;
  let state = lint(current);
  let rounds = 0;
  const maxRounds = options.maxRounds ?? 10;
  while (rounds < maxRounds) {
    const fixable = state.findings.filter(
      (f) => f.fix && allowed(f.fix.safety) && wanted(f) && !rejected.has(fixKey(f)),
    );
    if (fixable.length === 0) break;
    rounds++;
    const { text: next, acceptedGroups } = applyEditGroups(
      current,
      fixable.map((f) => f.fix!.edits),
    );
    if (next === current) break;
    let nextState = lint(next);
    let result = next;
    let accepted = acceptedGroups.map((i) => fixable[i]!);
    if (nextState.problems > state.problems) {
      // Some fix broke the file: keep only the fixes that are harmless one by one.
      accepted = [];
      result = current;
      let resultState = state;
      for (const i of acceptedGroups) {
        const f = fixable[i]!;
        const trial = applyEditGroups(result, [f.fix!.edits]).text;
        const trialState = lint(trial);
        if (trialState.problems > resultState.problems) {
          dropped.push(f);
          rejected.add(fixKey(f));
          continue;
        }
        // Offsets of later fixes refer to the text before this one: re-lint and stop this round.
        result = trial;
        resultState = trialState;
        accepted.push(f);
        break;
      }
      nextState = resultState;
    }
    if (result === current) break;
    for (const f of accepted) fixedByRule.set(f.rule, (fixedByRule.get(f.rule) ?? 0) + 1);
    current = result;
    state = nextState;
  }
  return {
    output: current,
    changed: current !== text,
    rounds,
    fixedByRule,
    remaining: state.findings,
    dropped,
  };
}

function fixKey(f: Finding): string {
  return `${f.rule}:${f.line}:${f.column}:${f.message}`;
}
