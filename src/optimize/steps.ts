/**
 * Reads the original Dockerfile into steps the synthesizers place: each instruction with its source
 * text, its stage's role, and for RUN what it does (installs system packages, installs dependencies,
 * builds, or something of the user's own).
 */
import type { DockerfileAnalysis } from '../dockerfile/analysis.js';
import type { Instruction, RunInstruction } from '../dockerfile/model.js';
import type { ShellCommand } from '../dockerfile/shell-ast.js';
import { parseArgs } from '../rules/dockerfile/lib/args.js';
import { readPackage, type SystemPackage } from './packages.js';

export type RunKind =
  | { kind: 'packages'; manager: 'apt' | 'apk'; packages: SystemPackage[] }
  | { kind: 'deps'; tool: DepsTool; command: ShellCommand }
  | { kind: 'tool'; command: ShellCommand }
  | { kind: 'build'; command: ShellCommand }
  | { kind: 'other' };

export type DepsTool =
  | 'pip'
  | 'poetry'
  | 'uv'
  | 'pipenv'
  | 'npm'
  | 'pnpm'
  | 'yarn'
  | 'go'
  | 'maven'
  | 'gradle';

export interface Step {
  inst: Instruction;
  keyword: string;
  /** Source text of the whole instruction (continuations and heredocs included). */
  text: string;
  line: number;
  /** The instruction belongs to the final stage (or a stage the final one is built FROM). */
  final: boolean;
  /** Before the first FROM. */
  global: boolean;
  run: RunKind | null;
}

const SETUP_COMMANDS = new Set(['set', 'true', ':', 'echo']);
const APT = new Set(['apt-get', 'apt', 'aptitude']);

function value(word: { value: string | null; text: string }): string {
  return word.value ?? word.text;
}

/** Removes apt/apk bookkeeping that a package RUN carries (`rm -rf /var/lib/apt/lists/*`, `apt-get clean`). */
function isPackageHousekeeping(cmd: ShellCommand): boolean {
  if (cmd.program === 'rm')
    return cmd.args.every((a) => {
      const t = value(a);
      return t.startsWith('-') || /^\/(?:var\/lib\/apt\/lists|var\/cache\/apt|var\/cache\/apk|tmp)\b/.test(t);
    });
  if (cmd.program && APT.has(cmd.program)) {
    const sub = parseArgs(cmd.args, { shortValue: 'ot' }).positionals[0];
    return sub !== undefined && ['update', 'clean', 'autoclean', 'autoremove'].includes(value(sub));
  }
  if (cmd.program === 'apk') {
    const sub = parseArgs(cmd.args, { stopAtPositional: true }).positionals[0];
    return sub !== undefined && ['update', 'cache'].includes(value(sub));
  }
  return SETUP_COMMANDS.has(cmd.program ?? '');
}

/** Packages a command installs (`apt-get install …`, `apk add …`), or null when it installs none. */
function installedPackages(cmd: ShellCommand): { manager: 'apt' | 'apk'; packages: SystemPackage[] } | null {
  if (cmd.program && APT.has(cmd.program)) {
    const args = parseArgs(cmd.args, { shortValue: 'ot', longValue: ['option', 'target-release'] });
    if (args.positionals[0] && value(args.positionals[0]) === 'install')
      return { manager: 'apt', packages: args.positionals.slice(1).map((w) => readPackage(value(w))) };
    return null;
  }
  if (cmd.program === 'apk') {
    const args = parseArgs(cmd.args, { longValue: ['virtual', 'repository', 'X', 't'], shortValue: 'tX' });
    if (args.positionals[0] && value(args.positionals[0]) === 'add')
      return { manager: 'apk', packages: args.positionals.slice(1).map((w) => readPackage(value(w))) };
  }
  return null;
}

const PY_TOOL_PACKAGES = /^(?:poetry|pipenv|uv|pip|setuptools|wheel|virtualenv)(?:[=<>~!].*)?$/i;

/** Dependency installs, tool installs and builds, by program. */
function classifyCommand(cmd: ShellCommand): RunKind | null {
  const p = cmd.program ?? '';
  const args = cmd.args.map(value);
  const sub = args.find((a) => !a.startsWith('-')) ?? '';
  if (
    p === 'pip' ||
    p === 'pip3' ||
    ((p === 'python' || p === 'python3') && args[0] === '-m' && args[1] === 'pip')
  ) {
    const rest = p.startsWith('pip') ? args : args.slice(2);
    if (rest.find((a) => !a.startsWith('-')) !== 'install') return null;
    const operands = rest.filter((a) => !a.startsWith('-') && a !== 'install');
    const fromFiles = rest.some(
      (a) => a === '-r' || a.startsWith('--requirement') || a === '-e' || a === '.',
    );
    if (!fromFiles && operands.length > 0 && operands.every((o) => PY_TOOL_PACKAGES.test(o)))
      return { kind: 'tool', command: cmd };
    return { kind: 'deps', tool: 'pip', command: cmd };
  }
  if (p === 'poetry' && sub === 'install') return { kind: 'deps', tool: 'poetry', command: cmd };
  if (p === 'uv' && (sub === 'sync' || (sub === 'pip' && args.includes('install'))))
    return { kind: 'deps', tool: 'uv', command: cmd };
  if (p === 'pipenv' && sub === 'install') return { kind: 'deps', tool: 'pipenv', command: cmd };
  if (p === 'npm' || p === 'pnpm' || p === 'yarn') {
    if (args.includes('-g') || args.includes('--global') || sub === 'global')
      return { kind: 'tool', command: cmd };
    if (
      sub === 'ci' ||
      sub === 'install' ||
      sub === 'i' ||
      (p === 'yarn' && (sub === '' || sub === 'install'))
    )
      return { kind: 'deps', tool: p, command: cmd };
    if ((sub === 'run' && args.includes('build')) || sub === 'build') return { kind: 'build', command: cmd };
    return null;
  }
  if (p === 'corepack') return { kind: 'tool', command: cmd };
  // `node build.mjs`, `node scripts/build.js`: a build script run directly.
  if (p === 'node' && /(?:^|\/)build[\w.-]*\.[cm]?js$/.test(args[0] ?? ''))
    return { kind: 'build', command: cmd };
  if (p === 'go') {
    if (sub === 'mod' && args.includes('download')) return { kind: 'deps', tool: 'go', command: cmd };
    if (sub === 'build' || sub === 'install') return { kind: 'build', command: cmd };
    return null;
  }
  if (p === 'mvn' || p === 'mvnw') {
    if (args.some((a) => /dependency:(?:go-offline|resolve)/.test(a)))
      return { kind: 'deps', tool: 'maven', command: cmd };
    if (args.some((a) => /^(?:package|install|verify)$/.test(a))) return { kind: 'build', command: cmd };
    return null;
  }
  if (p === 'gradle' || p === 'gradlew') {
    if (args.some((a) => /^(?:dependencies|--refresh-dependencies)$/.test(a)))
      return { kind: 'deps', tool: 'gradle', command: cmd };
    if (args.some((a) => /^(?::?\w*:)?(?:build|bootJar|jar|assemble|installDist|shadowJar)$/.test(a)))
      return { kind: 'build', command: cmd };
  }
  return null;
}

/** What a RUN does, when it does one recognizable thing; `other` otherwise (kept as written). */
export function classifyRun(model: DockerfileAnalysis, inst: RunInstruction): RunKind {
  const c = model.commandsOf(inst);
  if (c?.shell.kind !== 'posix' || c.errors.length > 0 || inst.heredocs.length > 0) return { kind: 'other' };
  const commands = c.commands.filter((cmd) => !cmd.via);
  if (commands.length === 0) return { kind: 'other' };
  const installs = commands.map(installedPackages);
  if (installs.some((i) => i !== null)) {
    const managers = new Set(installs.filter((i) => i).map((i) => i!.manager));
    const pure = commands.every((cmd, k) => installs[k] !== null || isPackageHousekeeping(cmd));
    if (
      pure &&
      managers.size === 1 &&
      !commands.some((cmd) => cmd.inSubshell || cmd.inLoop || cmd.inCondition)
    )
      return {
        kind: 'packages',
        manager: [...managers][0]!,
        packages: installs.flatMap((i) => i?.packages ?? []),
      };
    return { kind: 'other' };
  }
  const kinds = commands.map(classifyCommand);
  // One recognizable command (with setup noise such as `set -eux`) makes the RUN that kind.
  const meaningful = kinds.filter((k, i) => k !== null || !SETUP_COMMANDS.has(commands[i]!.program ?? ''));
  if (meaningful.length === 1 && meaningful[0]) return meaningful[0];
  if (meaningful.length > 1 && meaningful.every((k) => k && k.kind === 'tool')) return meaningful[0]!;
  return { kind: 'other' };
}

/** Reads every instruction of the Dockerfile into steps, in file order. */
export function readSteps(model: DockerfileAnalysis): Step[] {
  const file = model.file;
  const finalStages = new Set(model.finalStage ? model.lineageOf(model.finalStage).map((s) => s.index) : []);
  return file.instructions.map((inst) => ({
    inst,
    keyword: inst.keyword,
    text: file.text.slice(inst.span.start, inst.span.end).replace(/\s+$/, ''),
    line: file.lines.position(inst.span.start).line,
    final: inst.stage >= 0 && finalStages.has(inst.stage),
    global: inst.stage < 0,
    run: inst.keyword === 'RUN' ? classifyRun(model, inst) : null,
  }));
}

/** `$NAME` / `${NAME…}` references in a text. */
export function referencesVariable(text: string, name: string): boolean {
  return new RegExp(`\\$(?:\\{${name}\\b|${name}\\b)`).test(text);
}
