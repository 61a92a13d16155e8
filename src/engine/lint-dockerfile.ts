import { type Pragmas, parsePragmas } from '../config/pragmas.js';
import type { Config } from '../config/settings.js';
import type { Finding } from '../core/finding.js';
import type { Span } from '../core/positions.js';
import type { RuleMeta } from '../core/rule.js';
import { type ContextFacts, DockerfileAnalysis, type ShellcheckResults } from '../dockerfile/analysis.js';
import {
  type CheckOptions,
  DEFAULT_CHECK_OPTIONS,
  parseCheckDirective,
} from '../dockerfile/check-directive.js';
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
  /** ShellCheck's findings for the file's shell scripts (`lint --shellcheck`); null when it did not run. */
  shellcheck?: ShellcheckResults | null;
}

/** Lints one parsed Dockerfile: runs the rules, then drops what pragmas and `# check=skip` suppress. */
export function lintDockerfile(file: Dockerfile, options: LintDockerfileOptions): Finding[] {
  const pragmas = pragmasOf(file);
  const analysis = new DockerfileAnalysis(file, {
    shell: pragmas.shell,
    context: options.context ?? null,
    shellcheck: options.shellcheck ?? null,
  });
  if (options.secrets) for (const s of secretSpans(analysis)) options.secrets.push(s);
  const suppressed = suppressor(file, pragmas, !options.config.disableIgnorePragma);
  const check = buildkitCheckOptions(file);
  const findings = runRules({
    file: options.displayPath ?? file.path,
    model: analysis,
    lines: file.lines,
    rules: options.rules,
    config: withExperimental(options.config, options.rules, check),
    catalog: options.catalog,
    suppressed,
    failures: options.failures,
  });
  // `# check=error=true`: BuildKit fails the build when any of its checks fires, so ours are errors.
  if (check.error) for (const f of findings) if (hasBuildkitAlias(f.aliases)) f.severity = 'error';
  return findings;
}

/** The pragma comments of a file (comments inside continued instructions are not pragmas). */
export function pragmasOf(file: Dockerfile): Pragmas {
  return parsePragmas(
    file.comments.map((c) => ({
      text: c.text,
      line: file.lines.position(c.span.start).line,
      inContinuation: c.inContinuation,
    })),
  );
}

/**
 * Decides whether a finding is suppressed: BuildKit's `# check=skip=…`, then (unless pragmas are
 * disabled) global, stage and line pragmas. A hadolint line pragma covers the instruction that starts on
 * the next line, as in hadolint; a dockaudit one the next instruction.
 */
export function suppressor(
  file: Dockerfile,
  pragmas: Pragmas,
  usePragmas: boolean,
): (rule: RuleMeta, span: Span, aliases: readonly string[]) => boolean {
  const lineOf = (offset: number) => file.lines.position(offset).line;
  const check = buildkitCheckOptions(file);
  const skipped = new Set(check.skip);
  const firstAfter = (line: number) => file.instructions.find((i) => lineOf(i.span.start) > line) ?? null;

  const nextInstructionKeys = new Map<number, Set<string>>();
  for (const [line, keys] of pragmas.nextInstruction) {
    const target = firstAfter(line);
    if (target) addKeys(nextInstructionKeys, target.index, keys);
  }
  const stageKeys = new Map<number, Set<string>>();
  for (const p of pragmas.stage) {
    const target = firstAfter(p.line);
    if (target?.keyword !== 'FROM') continue;
    // hadolint requires the FROM right below the comment; dockaudit skips blank and comment lines.
    if (p.tool === 'hadolint' && lineOf(target.span.start) !== p.line + 1) continue;
    addKeys(stageKeys, target.stage, p.keys);
  }

  return (rule, span, aliases) => {
    const keys = aliases.length > 0 ? [...ruleKeys(rule), ...aliases] : ruleKeys(rule);
    if (check.skipAll && hasBuildkitAlias(rule.aliases)) return true;
    if (keys.some((k) => skipped.has(k))) return true;
    if (!usePragmas) return false;
    if (keys.some((k) => pragmas.global.has(k))) return true;
    const found = instructionAt(file.instructions, span.start);
    const inst = found && span.start < Math.max(found.span.end, found.span.start + 1) ? found : null;
    const stageKeySet = found ? stageKeys.get(found.stage) : undefined;
    if (stageKeySet && keys.some((k) => stageKeySet.has(k))) return true;
    const onLine = pragmas.byLine.get(inst ? lineOf(inst.span.start) : lineOf(span.start));
    if (onLine && keys.some((k) => onLine.has(k))) return true;
    const next = inst ? nextInstructionKeys.get(inst.index) : undefined;
    return Boolean(next && keys.some((k) => next.has(k)));
  };
}

function addKeys(map: Map<number, Set<string>>, at: number, keys: Iterable<string>): void {
  let set = map.get(at);
  if (!set) map.set(at, (set = new Set()));
  for (const k of keys) set.add(k);
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

function hasBuildkitAlias(aliases: readonly string[]): boolean {
  return aliases.some(isBuildkitCheckName);
}

/** The file's `# check=` directive as BuildKit reads it; one BuildKit rejects changes nothing. */
function buildkitCheckOptions(file: Dockerfile): CheckOptions {
  const directive = file.directives.find((d) => d.name === 'check');
  if (!directive) return DEFAULT_CHECK_OPTIONS;
  const parsed = parseCheckDirective(directive.value);
  return parsed.ok ? parsed.options : DEFAULT_CHECK_OPTIONS;
}

/**
 * `# check=experimental=…` switches on BuildKit's experimental checks; ours are the rules with a BuildKit
 * alias that are off by default.
 */
function withExperimental(config: Config, rules: readonly DockerfileRule[], check: CheckOptions): Config {
  if (!check.experimentalAll && check.experimental.length === 0) return config;
  const named = new Set(check.experimental);
  const enabled = rules
    .filter((r) => r.enabledByDefault === false && hasBuildkitAlias(r.aliases))
    .filter((r) => check.experimentalAll || r.aliases.some((a) => named.has(a)))
    .map((r) => r.id);
  return enabled.length === 0 ? config : { ...config, enabled: [...config.enabled, ...enabled] };
}
