import type { Config } from '../config/settings.js';
import type { Finding } from '../core/finding.js';
import type { ContextFacts } from '../dockerfile/analysis.js';
import type { Dockerfile, ParseProblem } from '../dockerfile/model.js';
import { parseDockerfile } from '../dockerfile/parse.js';
import { lintDockerfile } from '../engine/lint-dockerfile.js';
import type { DockerfileRule } from '../rules/define.js';
import { type FixOutcome, fixToFixpoint } from './fixpoint.js';

/** Problems that make BuildKit refuse a Dockerfile: such a file is never rewritten. */
const BLOCKING: ReadonlySet<ParseProblem['kind']> = new Set([
  'unknown-instruction',
  'invalid-arguments',
  'invalid-directive',
  'unterminated-heredoc',
  'invalid-json',
]);

export function blockingProblems(file: Dockerfile): ParseProblem[] {
  return file.problems.filter((p) => BLOCKING.has(p.kind));
}

export interface FixDockerfileOptions {
  config: Config;
  rules: readonly DockerfileRule[];
  unsafe: boolean;
  /** Only fixes of these rules (ids, codes or aliases). */
  only?: readonly string[];
  context?: ContextFacts | null;
}

export interface DockerfileFixResult extends FixOutcome {
  /** Why the file was left alone (it does not read as a valid Dockerfile), or null. */
  blocked: string | null;
  /** Findings of the original text. */
  before: Finding[];
}

/**
 * Fixes a Dockerfile's text to a fixpoint. Pure: no I/O. The BOM and line endings of the original are
 * kept; a file with blocking parse problems is not changed.
 */
export function fixDockerfileText(
  text: string,
  path: string,
  options: FixDockerfileOptions,
): DockerfileFixResult {
  const original = parseDockerfile(text, path);
  // The fixpoint starts by linting the text linted first here: each text is linted once.
  const linted = new Map<string, { file: Dockerfile; findings: Finding[]; problems: number }>();
  const lintText = (t: string) => {
    const known = linted.get(t);
    if (known) return known;
    const file = parseDockerfile(t, path);
    const findings = lintDockerfile(file, {
      config: options.config,
      rules: options.rules,
      context: options.context,
    });
    const state = { file, findings, problems: file.problems.length };
    linted.set(t, state);
    return state;
  };
  const first = lintText(original.text);
  const blocking = blockingProblems(original);
  if (blocking.length > 0) {
    const p = blocking[0]!;
    const at = original.lines.position(p.span.start);
    return {
      output: text,
      changed: false,
      rounds: 0,
      fixedByRule: new Map(),
      remaining: first.findings,
      dropped: [],
      blocked: `${path}:${at.line}:${at.column}: ${p.message} (the file is not rewritten until it builds)`,
      before: first.findings,
    };
  }
  const outcome = fixToFixpoint(original.text, (t) => lintText(t), {
    unsafe: options.unsafe,
    rules: options.only,
  });
  let output = outcome.output;
  // Keep the file's line endings: edits insert "\n", a CRLF file gets "\r\n".
  if (original.eol === '\r\n' && !/(^|[^\r])\n/.test(original.text))
    output = output.replace(/\r?\n/g, '\r\n');
  if (original.bom) output = `\uFEFF${output}`;
  return { ...outcome, output, changed: output !== text, blocked: null, before: first.findings };
}
