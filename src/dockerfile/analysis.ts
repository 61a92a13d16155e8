import type { ImageRef } from '../core/image-ref.js';
import type { ShellcheckResults } from '../shellcheck/types.js';
import type { Dockerfile, Instruction, RunInstruction, Stage, Word } from './model.js';
import { type CommandsOf, readCommands, type ShellSetting, shellKindOf } from './run-shell.js';
import type { ShellCommand } from './shell-ast.js';
import { buildStageGraph, resolveBases, type StageBase, type StageGraph } from './stages.js';
import {
  AUTOMATIC_ARGS,
  EMPTY_SCOPE,
  type Expansion,
  expand,
  MapScope,
  PREDEFINED_ARGS,
  type Scope,
  type VarValue,
} from './variables.js';

/**
 * Facts about one Dockerfile that rules share: variable scopes, the stage graph and the base image
 * of each stage. Everything is computed on first use and cached, so a rule pays only for what it reads.
 */
export class DockerfileAnalysis {
  private scopes: Scope[] | null = null;
  private globals: Scope | null = null;
  private graph: StageGraph | null = null;
  private bases: StageBase[] | null = null;
  private stageEnv: Array<Map<string, VarValue>> = [];
  private shells: ShellSetting[] | null = null;
  private commandCache = new Map<Instruction, CommandsOf | null>();
  private runIndex: Map<string, RunCommand[]> | null = null;
  private runList: RunCommand[] | null = null;
  private stageOpen: boolean[] = [];

  constructor(
    readonly file: Dockerfile,
    readonly options: AnalysisOptions = {},
  ) {}

  /** The build context, when the linted Dockerfile's context folder is known (`lint --context DIR`). */
  get context(): ContextFacts | null {
    return this.options.context ?? null;
  }

  /** ShellCheck's comments on the file's shell scripts (`lint --shellcheck`); null when it did not run. */
  get shellcheck(): ShellcheckResults | null {
    return this.options.shellcheck ?? null;
  }

  get stages(): readonly Stage[] {
    return this.file.stages;
  }

  /** Scope of FROM lines: global ARGs and BuildKit's automatic platform ARGs. */
  get globalScope(): Scope {
    if (!this.globals) {
      const vars = new Map<string, VarValue>();
      for (const name of AUTOMATIC_ARGS) vars.set(name, null);
      for (const name of PREDEFINED_ARGS) vars.set(name, null);
      // Each ARG default sees the ones declared before it, in the same instruction too (BuildKit).
      const live = new MapScope(vars, false);
      for (const inst of this.file.preamble) {
        if (inst.keyword !== 'ARG') continue;
        for (const a of inst.args) {
          if (a.rawValue !== null) {
            const e = expand(a.rawValue, live, this.file.escape);
            vars.set(a.name, e.complete ? e.value : null);
          } else if (!vars.has(a.name)) vars.set(a.name, null);
        }
      }
      this.globals = new MapScope(vars, false);
    }
    return this.globals;
  }

  /** Variables visible to an instruction (before its own ARG/ENV take effect). */
  scopeOf(inst: Instruction): Scope {
    if (inst.stage < 0 || inst.keyword === 'FROM') return this.globalScope;
    if (!this.scopes) this.computeScopes();
    return this.scopes![inst.onbuild ? inst.onbuild.index : inst.index] ?? EMPTY_SCOPE;
  }

  /** Substitutes variables in a word of an instruction as BuildKit would. */
  expand(word: Word | string, inst: Instruction): Expansion {
    return expand(typeof word === 'string' ? word : word.raw, this.scopeOf(inst), this.file.escape);
  }

  get stageGraph(): StageGraph {
    if (!this.graph)
      this.graph = buildStageGraph(this.file, this.allBases(), (raw, inst) => this.expand(raw, inst));
    return this.graph;
  }

  private allBases(): StageBase[] {
    if (!this.bases) {
      const globals = this.globalScope;
      this.bases = resolveBases(this.file, (raw) => expand(raw, globals, this.file.escape));
    }
    return this.bases;
  }

  baseOf(stage: Stage | number): StageBase {
    return this.allBases()[typeof stage === 'number' ? stage : stage.index]!;
  }

  /** The image a stage finally builds on, following `FROM <stage>` chains; null for scratch or unknown. */
  rootImageOf(
    stage: Stage | number,
  ): { kind: 'image'; ref: ImageRef | null; text: string; complete: boolean } | { kind: 'scratch' } {
    let base = this.baseOf(stage);
    const seen = new Set<number>();
    while (base.kind === 'stage' && !seen.has(base.stage)) {
      seen.add(base.stage);
      base = this.baseOf(base.stage);
    }
    if (base.kind === 'stage') return { kind: 'image', ref: null, text: '', complete: false };
    return base;
  }

  get finalStage(): Stage | null {
    const i = this.stageGraph.finalStage;
    return i >= 0 ? this.file.stages[i]! : null;
  }

  isFinal(stage: Stage | number): boolean {
    return (typeof stage === 'number' ? stage : stage.index) === this.stageGraph.finalStage;
  }

  /** Stages whose instructions end up in (or feed) the final image. */
  isReachable(stage: Stage | number): boolean {
    return this.stageGraph.reachable.has(typeof stage === 'number' ? stage : stage.index);
  }

  /** Stages (the given one first) whose instructions make up the stage's image: its FROM <stage> chain. */
  lineageOf(stage: Stage | number): Stage[] {
    const out: Stage[] = [];
    let i: number | null = typeof stage === 'number' ? stage : stage.index;
    const seen = new Set<number>();
    while (i !== null && !seen.has(i)) {
      seen.add(i);
      out.push(this.file.stages[i]!);
      const base = this.baseOf(i);
      i = base.kind === 'stage' ? base.stage : null;
    }
    return out;
  }

  /** The shell an instruction's shell form runs with (SHELL, a Windows base, or `# hadolint shell=`). */
  shellOf(inst: Instruction): ShellSetting {
    if (!this.shells) this.computeShells();
    return this.shells![inst.onbuild ? inst.onbuild.index : inst.index] ?? DEFAULT_SHELL;
  }

  /**
   * The commands an instruction runs, read as shell (RUN, CMD, ENTRYPOINT, HEALTHCHECK CMD, and those
   * as ONBUILD triggers); null for other instructions. Cached.
   */
  commandsOf(inst: Instruction): CommandsOf | null {
    let cached = this.commandCache.get(inst);
    if (cached !== undefined) return cached;
    cached = null;
    if (inst.keyword === 'RUN' || inst.keyword === 'CMD' || inst.keyword === 'ENTRYPOINT') {
      cached = readCommands(inst, this.shellOf(inst), inst.form, inst.json);
    } else if (inst.keyword === 'HEALTHCHECK' && !inst.none && inst.cmdWord) {
      cached = readCommands(inst, this.shellOf(inst), inst.form, inst.json, inst.commandStart);
    }
    this.commandCache.set(inst, cached);
    return cached;
  }

  /** Every command of every RUN (ONBUILD RUN triggers included), in file order. */
  runCommands(): readonly RunCommand[] {
    if (!this.runList) {
      const list: RunCommand[] = [];
      for (const inst of this.file.instructions) {
        const run =
          inst.keyword === 'RUN'
            ? inst
            : inst.keyword === 'ONBUILD' && inst.trigger?.keyword === 'RUN'
              ? inst.trigger
              : null;
        if (!run) continue;
        const c = this.commandsOf(run);
        if (c) for (const cmd of c.commands) list.push({ inst: run, cmd });
      }
      this.runList = list;
    }
    return this.runList;
  }

  /** RUN commands whose program (last path segment of the name) is one of `programs`. */
  commandsNamed(...programs: string[]): RunCommand[] {
    if (!this.runIndex) {
      const index = new Map<string, RunCommand[]>();
      for (const rc of this.runCommands()) {
        const p = rc.cmd.program;
        if (p === null) continue;
        let list = index.get(p);
        if (!list) index.set(p, (list = []));
        list.push(rc);
      }
      this.runIndex = index;
    }
    if (programs.length === 1) return this.runIndex.get(programs[0]!) ?? [];
    const out: RunCommand[] = [];
    for (const p of programs) out.push(...(this.runIndex.get(p) ?? []));
    return out.sort((a, b) => a.cmd.start - b.cmd.start);
  }

  private computeShells(): void {
    const shells: ShellSetting[] = [];
    const pragma = this.options.shell;
    const stageShell: ShellSetting[] = [];
    for (const stage of this.file.stages) {
      const base = this.baseOf(stage);
      let current: ShellSetting;
      if (pragma) current = { kind: shellKindOf([pragma]), argv: [pragma], setBy: null };
      else if (base.kind === 'stage') current = stageShell[base.stage] ?? DEFAULT_SHELL;
      else current = isWindowsImage(this.rootImageOf(stage)) ? WINDOWS_SHELL : DEFAULT_SHELL;
      for (const inst of stage.instructions) {
        shells[inst.index] = current;
        if (inst.keyword === 'SHELL' && inst.json && inst.json.values.length > 0 && !pragma)
          current = { kind: shellKindOf(inst.json.values), argv: inst.json.values, setBy: inst };
      }
      stageShell[stage.index] = current;
    }
    for (const inst of this.file.preamble) shells[inst.index] = DEFAULT_SHELL;
    this.shells = shells;
  }

  private computeScopes(): void {
    const scopes: Scope[] = [];
    const globals = this.globalScope;
    const escape = this.file.escape;
    for (const stage of this.file.stages) {
      const base = this.baseOf(stage);
      let vars: Map<string, VarValue>;
      let open: boolean;
      if (base.kind === 'stage') {
        vars = new Map(this.stageEnv[base.stage] ?? []);
        open = this.stageOpen[base.stage] ?? true;
      } else {
        // BuildKit always sets PATH, even on scratch; an image's other variables are unknown.
        vars = base.kind === 'scratch' ? new Map([['PATH', DEFAULT_PATH]]) : new Map();
        open = base.kind !== 'scratch';
      }
      const envNames = new Set<string>(vars.keys());
      let scope: Scope = new MapScope(vars, open);
      for (const inst of stage.instructions) {
        scopes[inst.index] = scope;
        if (inst.keyword === 'ARG') {
          const next = new Map(vars);
          const live = new MapScope(next, open);
          for (const a of inst.args) {
            if (envNames.has(a.name)) continue;
            if (a.rawValue !== null) {
              const e = expand(a.rawValue, live, escape);
              next.set(a.name, e.complete ? e.value : null);
            } else {
              const g = globals.get(a.name);
              next.set(a.name, g === undefined ? null : g);
            }
          }
          vars = next;
          scope = new MapScope(vars, open);
        } else if (inst.keyword === 'ENV') {
          const next = new Map(vars);
          for (const p of inst.pairs) {
            const e = expand(p.rawValue, scope, escape);
            next.set(p.key, e.complete ? e.value : null);
            envNames.add(p.key);
          }
          vars = next;
          scope = new MapScope(vars, open);
        }
      }
      const env = new Map<string, VarValue>();
      for (const [k, v] of vars) if (envNames.has(k)) env.set(k, v);
      this.stageEnv[stage.index] = env;
      this.stageOpen[stage.index] = open;
    }
    this.scopes = scopes;
  }
}

export type { ShellcheckResults };

/** What Dockerfile rules may ask of the build context (implemented by the context reader). */
export interface ContextFacts {
  /** Absolute path of the context folder. */
  root: string;
  /** A `.dockerignore` (or `<Dockerfile>.dockerignore`) applies to this build. */
  hasIgnoreFile: boolean;
  /** Whether a context-relative path is sent to the builder (not excluded by the ignore file). */
  isSent(path: string): boolean;
  /** Context-relative paths of the files a COPY/ADD source pattern matches (after .dockerignore). */
  matches(source: string): string[];
}

export interface AnalysisOptions {
  /** `# hadolint shell=…` pragma: the shell RUN bodies are written in. */
  shell?: string | null;
  context?: ContextFacts | null;
  shellcheck?: ShellcheckResults | null;
}

export interface RunCommand {
  inst: RunInstruction;
  cmd: ShellCommand;
}

/** The PATH BuildKit gives a stage whose image sets none (Linux). */
const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

const DEFAULT_SHELL: ShellSetting = { kind: 'posix', argv: ['/bin/sh', '-c'], setBy: null };
const WINDOWS_SHELL: ShellSetting = { kind: 'cmd', argv: ['cmd', '/S', '/C'], setBy: null };

const WINDOWS_IMAGE =
  /(?:^|[/_.-])(?:windows|servercore|nanoserver|windowsservercore|ltsc20\d\d)(?:$|[/_.:-])|mcr\.microsoft\.com\/windows/i;

function isWindowsImage(root: ReturnType<DockerfileAnalysis['rootImageOf']>): boolean {
  if (root.kind !== 'image') return false;
  return WINDOWS_IMAGE.test(root.text);
}
