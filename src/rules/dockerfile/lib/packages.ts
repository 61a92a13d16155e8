import type { DockerfileAnalysis } from '../../../dockerfile/analysis.js';
import type { RunInstruction } from '../../../dockerfile/model.js';
import type { ShellCommand, ShellWord } from '../../../dockerfile/shell-ast.js';
import { type Option, type ParsedArgs, parseArgs } from './args.js';
import { type Action, type Family, TOOLS, type ToolSpec } from './package-tools.js';
import { resolveArgs } from './shell-values.js';

export type { Action, Family } from './package-tools.js';

/**
 * One package-manager command of a RUN instruction, read once per Dockerfile and shared by every
 * package rule: which manager, its subcommand (aliases resolved), options, and operands (packages,
 * files, URLs) with ARG/ENV values substituted.
 */
export interface PackageCommand {
  family: Family;
  /** The tool as run: apt-get, apt, aptitude, apk, yum, dnf, microdnf, tdnf, zypper, pip, pipx, npm, yarn, pnpm, gem, go. */
  tool: string;
  inst: RunInstruction;
  cmd: ShellCommand;
  /** The word naming the tool (`pip` in `python3 -m pip install`). */
  toolWord: ShellWord;
  /** The words of the subcommand (`install`; `group install`; `mod download`); empty for a bare `yarn`. */
  subcommandWords: ShellWord[];
  /** Canonical subcommand with aliases resolved (`in` → `install`, `dup` → `dist-upgrade`), or null. */
  subcommand: string | null;
  action: Action;
  /** Options anywhere on the line (clusters split, values attached). */
  options: Option[];
  /** Operands after the subcommand, option values excluded, up to a `--`. */
  operands: ShellWord[];
  /** All argument words after the tool, with ARG/ENV values substituted. */
  words: ShellWord[];
  /** Words after a `--` (build flags for gem, script arguments for npm). */
  passthrough: ShellWord[];
  /** Some argument is an expansion with an unknown value: it may hold options or packages. */
  hasUnknownArgs: boolean;
  /** Words produced by substituting ARG/ENV values; they are not source text and must never be edited. */
  expanded: ReadonlySet<ShellWord>;
}

const cache = new WeakMap<DockerfileAnalysis, PackageCommand[]>();

/** Every package-manager command of the Dockerfile's RUN instructions (ONBUILD triggers included), in file order. */
export function packageCommands(model: DockerfileAnalysis): readonly PackageCommand[] {
  let list = cache.get(model);
  if (list) return list;
  list = [];
  for (const { inst, cmd } of model.runCommands()) {
    const pc = readPackageCommand(model, inst, cmd);
    if (pc) list.push(pc);
  }
  cache.set(model, list);
  return list;
}

/** Package commands of the given families. */
export function packageCommandsOf(model: DockerfileAnalysis, ...families: Family[]): PackageCommand[] {
  return packageCommands(model).filter((pc) => families.includes(pc.family));
}

/** Whether the command has any of the options (names without dashes). */
export function hasOpt(pc: PackageCommand, ...names: string[]): boolean {
  return pc.options.some((o) => names.includes(o.name));
}

/** The value of the last of the named options, or null. */
export function optValue(pc: PackageCommand, ...names: string[]): string | null {
  for (let i = pc.options.length - 1; i >= 0; i--) {
    const o = pc.options[i]!;
    if (names.includes(o.name)) return o.value;
  }
  return null;
}

/** Source span from the tool word to the end of the subcommand: where package findings point. */
export function commandSpan(pc: PackageCommand): { start: number; end: number } {
  const last = pc.subcommandWords[pc.subcommandWords.length - 1] ?? pc.toolWord;
  const start = pc.cmd.words[0]!.start;
  return { start, end: Math.max(last.end, start) };
}

/** The source word a (possibly substituted) word came from can be edited only when it is source text. */
export function isSourceWord(pc: PackageCommand, word: ShellWord): boolean {
  return !pc.expanded.has(word);
}

/** A table entry of the object itself (never Object.prototype's: `apt-get constructor` is no alias). */
function own<V>(table: Readonly<Record<string, V>> | undefined, key: string): V | undefined {
  return table !== undefined && Object.hasOwn(table, key) ? table[key] : undefined;
}

const PYTHON = /^python(?:\d+(?:\.\d+)?)?$/;
const PIP = /^pip(?:\d+(?:\.\d+)?)?$/;

function toolOf(cmd: ShellCommand): { tool: string; toolWord: ShellWord; args: ShellWord[] } | null {
  const program = cmd.program;
  if (program === null) return null;
  if (Object.hasOwn(TOOLS, program)) return { tool: program, toolWord: cmd.words[0]!, args: cmd.args };
  const c = program.charCodeAt(0);
  if (c !== 112 /* p */) return null;
  if (program.startsWith('pip') && PIP.test(program))
    return { tool: 'pip', toolWord: cmd.words[0]!, args: cmd.args };
  if (program.startsWith('python') && PYTHON.test(program)) {
    // python [-u -B …] -m pip …
    for (let i = 0; i < cmd.args.length; i++) {
      const v = cmd.args[i]!.value;
      if (v === '-m') {
        const mod = cmd.args[i + 1];
        if (mod?.value && PIP.test(mod.value))
          return { tool: 'pip', toolWord: mod, args: cmd.args.slice(i + 2) };
        return null;
      }
      if (v === null || !v.startsWith('-') || v === '-c' || v.startsWith('-m')) return null;
    }
  }
  return null;
}

function readPackageCommand(
  model: DockerfileAnalysis,
  inst: RunInstruction,
  cmd: ShellCommand,
): PackageCommand | null {
  const found = toolOf(cmd);
  if (!found) return null;
  const spec: ToolSpec = TOOLS[found.tool]!;
  const { words, expanded, unknown } = resolveArgs(model, inst, found.args);
  const dashDash = words.findIndex((w) => w.value === '--' && !expanded.has(w));
  const head = dashDash === -1 ? words : words.slice(0, dashDash);
  const passthrough = dashDash === -1 ? [] : words.slice(dashDash + 1);
  const parsed = spec.goFlags ? parseGoArgs(head, spec.goFlags) : parseArgs(head, spec.args);
  const positionals = parsed.positionals;
  let subcommandWords: ShellWord[] = [];
  let subcommand: string | null = null;
  let rest = positionals;
  const first = positionals[0];
  if (first?.value != null) {
    const name = own(spec.aliases, first.value) ?? first.value;
    const nested = own(spec.nested, name);
    const second = positionals[1];
    const inner = second?.value != null ? own(nested, second.value) : undefined;
    if (inner !== undefined) {
      subcommand = `${name} ${inner}`;
      subcommandWords = [first, second!];
      rest = positionals.slice(2);
    } else {
      subcommand = name;
      subcommandWords = [first];
      rest = positionals.slice(1);
    }
  } else if (first === undefined && spec.bare) {
    subcommand = spec.bare;
  }
  const action: Action = subcommand === null ? 'other' : (own(spec.actions, subcommand) ?? 'other');
  return {
    family: spec.family,
    tool: found.tool,
    inst,
    cmd,
    toolWord: found.toolWord,
    subcommandWords,
    subcommand,
    action,
    options: parsed.options,
    operands: rest,
    words,
    passthrough,
    hasUnknownArgs: unknown,
    expanded,
  };
}

/**
 * Go's command line: the subcommand, then single-dash flags (`-ldflags=…`, `-tags netgo`) up to the
 * first operand; everything after it is an operand (for `go run`, the program's own arguments).
 */
function parseGoArgs(words: readonly ShellWord[], valueFlags: readonly string[]): ParsedArgs {
  const options: Option[] = [];
  const positionals: ShellWord[] = [];
  let flagsDone = false;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const t = word.value ?? word.text;
    const isFlag = t.length > 1 && t[0] === '-' && !flagsDone;
    if (!isFlag) {
      positionals.push(word);
      // Flags follow the subcommand words (`go install`, `go mod download`); the first operand ends them.
      if (positionals.length > 1 && !(positionals[0]!.value === 'mod' && positionals.length === 2))
        flagsDone = true;
      continue;
    }
    const body = t.replace(/^--?/, '');
    const eq = body.indexOf('=');
    const name = eq === -1 ? body : body.slice(0, eq);
    let value: string | null = eq === -1 ? null : body.slice(eq + 1);
    if (value === null && valueFlags.includes(name) && i + 1 < words.length) {
      const next = words[++i]!;
      value = next.value ?? next.text;
    }
    options.push({ name, value, long: true, word });
  }
  return { options, positionals };
}
