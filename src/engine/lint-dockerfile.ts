import { parsePragmas } from '../config/pragmas.js';
import type { Config } from '../config/settings.js';
import type { Finding } from '../core/finding.js';
import type { Span } from '../core/positions.js';
import type { RuleMeta } from '../core/rule.js';
import { type ContextFacts, DockerfileAnalysis } from '../dockerfile/analysis.js';
import type { Dockerfile, Instruction } from '../dockerfile/model.js';
import type { MessageCatalog } from '../i18n/catalog.js';
import type { DockerfileRule } from '../rules/define.js';
import { secretSpans } from '../rules/dockerfile/lib/secret-values.js';
import { type RuleFailure, ruleKeys, runRules } from './run-rules.js';

export interface LintDockerfileOptions {
  config: Config;
  rules: readonly DockerfileRule[];
  catalog?: MessageCatalog;
  failures?: RuleFailure[];
  /** Path shown in findings (defaults to the file's path). */
  displayPath?: string;
  /** The build context, for rules that need it (`lint --context DIR`). */
  context?: ContextFacts | null;
  /**
   * When given, receives the spans of every hard-coded secret of the file (whatever rules run), so
   * that outputs showing source text can mask them.
   */
  secrets?: Span[];
}

/** Lints one parsed Dockerfile: runs the rules, then drops what pragmas and `# check=skip` suppress. */
export function lintDockerfile(file: Dockerfile, options: LintDockerfileOptions): Finding[] {
  const lineOf = (offset: number) => file.lines.position(offset).line;
  const pragmas = parsePragmas(file.comments.map((c) => ({ text: c.text, line: lineOf(c.span.start) })));
  const analysis = new DockerfileAnalysis(file, { shell: pragmas.shell, context: options.context ?? null });
  const skipped = buildkitSkips(file);
  if (options.secrets) for (const s of secretSpans(analysis)) options.secrets.push(s);

  // dockaudit pragmas apply to the next instruction after the comment.
  const nextInstructionKeys = new Map<number, Set<string>>();
  for (const [line, keys] of pragmas.nextInstruction) {
    const target = file.instructions.find((i) => lineOf(i.span.start) > line);
    if (!target) continue;
    const set = nextInstructionKeys.get(target.index) ?? new Set<string>();
    for (const k of keys) set.add(k);
    nextInstructionKeys.set(target.index, set);
  }
  const usePragmas = !options.config.disableIgnorePragma;

  const suppressed = (rule: RuleMeta, span: Span): boolean => {
    const keys = ruleKeys(rule);
    if (skipped.all && rule.aliases.some(isBuildkitCheckName)) return true;
    if (keys.some((k) => skipped.names.has(k))) return true;
    if (!usePragmas) return false;
    if (keys.some((k) => pragmas.global.has(k))) return true;
    const inst = instructionAt(file.instructions, span.start);
    if (!inst) return false;
    const onLine = pragmas.byLine.get(lineOf(inst.span.start));
    if (onLine && keys.some((k) => onLine.has(k))) return true;
    const next = nextInstructionKeys.get(inst.index);
    return Boolean(next && keys.some((k) => next.has(k)));
  };

  return runRules({
    file: options.displayPath ?? file.path,
    model: analysis,
    lines: file.lines,
    rules: options.rules,
    config: options.config,
    catalog: options.catalog,
    suppressed,
    failures: options.failures,
  });
}

/** The instruction whose span holds an offset (ONBUILD triggers resolve to their ONBUILD). */
export function instructionAt(instructions: readonly Instruction[], offset: number): Instruction | null {
  let lo = 0;
  let hi = instructions.length - 1;
  let found: Instruction | null = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const inst = instructions[mid]!;
    if (inst.span.start <= offset) {
      found = inst;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** BuildKit check names are CamelCase words (JSONArgsRecommended, UndefinedVar, …). */
function isBuildkitCheckName(alias: string): boolean {
  return /^[A-Z][a-z]+(?:[A-Z][A-Za-z]*)+$/.test(alias) || /^JSON/.test(alias);
}

/** `# check=skip=A,B` or `# check=skip=all` (BuildKit's build-check directive). */
function buildkitSkips(file: Dockerfile): { all: boolean; names: Set<string> } {
  const names = new Set<string>();
  let all = false;
  const directive = file.directives.find((d) => d.name === 'check');
  if (directive) {
    for (const part of directive.value.split(';')) {
      const [key, value] = part.split('=', 2).map((s) => s.trim());
      if (key?.toLowerCase() !== 'skip' || !value) continue;
      for (const name of value.split(',')) {
        const n = name.trim();
        if (n.toLowerCase() === 'all') all = true;
        else if (n) names.add(n);
      }
    }
  }
  return { all, names };
}
