import type { TextEdit } from '../../../core/finding.js';
import type { DockerfileAnalysis } from '../../../dockerfile/analysis.js';
import type { Instruction, RunInstruction } from '../../../dockerfile/model.js';
import { mountsOf } from '../../../dockerfile/mounts.js';
import type { ShellCommand } from '../../../dockerfile/shell-ast.js';
import { resolvedValue } from './shell-values.js';

/**
 * Helpers for the rules about caches left in image layers: which stages ship, BuildKit cache mounts,
 * `rm` of cache folders in the same RUN, and the edit that appends a cleanup to a command chain.
 */

/**
 * Whether an instruction's files end up in an image people run: the final stage, or a stage another stage is
 * built `FROM` (as hadolint judges it). A stage only read by `COPY --from` keeps its caches to itself;
 * an ONBUILD trigger always counts (it runs in the images built on this one).
 */
export function stageShips(model: DockerfileAnalysis, inst: Instruction): boolean {
  // ONBUILD triggers run in every image built on this one.
  if (inst.onbuild) return true;
  const stage = inst.stage;
  if (stage < 0 || model.isFinal(stage)) return true;
  let bases = baseStages.get(model);
  if (!bases) {
    bases = new Set<number>();
    for (const s of model.stages) {
      const base = model.baseOf(s);
      if (base.kind === 'stage') bases.add(base.stage);
    }
    baseStages.set(model, bases);
  }
  return bases.has(stage);
}

const baseStages = new WeakMap<DockerfileAnalysis, Set<number>>();

/** Stages built on top of `stage` (itself included): those that inherit its files. */
export function inheritingStages(model: DockerfileAnalysis, stage: number): Set<number> {
  const out = new Set<number>();
  for (const s of model.stages) if (model.lineageOf(s).some((l) => l.index === stage)) out.add(s.index);
  return out;
}

function normalizeDir(path: string): string {
  const p = path.replace(/\/+$/, '');
  return p === '' ? '/' : p;
}

/**
 * Whether the RUN mounts a cache or tmpfs on one of `dirs` (or on a folder holding it), so what the
 * command writes there never reaches the layer. Mount targets are substituted as BuildKit does.
 */
export function hasCacheMount(
  model: DockerfileAnalysis,
  inst: Instruction,
  dirs: readonly string[],
): boolean {
  for (const m of mountsOf(inst.flags)) {
    if ((m.type !== 'cache' && m.type !== 'tmpfs') || !m.target) continue;
    const target = normalizeDir(model.expand(m.target, inst).value);
    if (target === '/') continue;
    for (const d of dirs) {
      const dir = normalizeDir(d);
      if (dir === target || dir.startsWith(`${target}/`)) return true;
    }
  }
  return false;
}

/** Whether the file uses BuildKit mounts anywhere (a cache mount is then a fix the build already accepts). */
export function usesBuildkitMounts(model: DockerfileAnalysis): boolean {
  return model.file.instructions.some((i) => i.flags.some((f) => f.name === 'mount'));
}

/**
 * Commands of the RUN that delete a path `matches` accepts: `rm` operands, and `find DIR … -delete` or
 * `-exec rm` (reported as `DIR/*`). Only commands starting after `after` count.
 */
export function removes(
  model: DockerfileAnalysis,
  inst: Instruction,
  matches: (path: string) => boolean,
  after = -1,
): ShellCommand | null {
  for (const c of model.commandsOf(inst)?.commands ?? []) {
    if (c.start <= after) continue;
    if (c.program === 'rm') {
      for (const a of c.args) {
        const v = resolvedValue(model, inst, a);
        if (v && !v.startsWith('-') && matches(v)) return c;
      }
    } else if (c.program === 'find') {
      const dir = c.args[0] ? resolvedValue(model, inst, c.args[0]) : null;
      const deletes = c.args.some(
        (a, i) => a.value === '-delete' || (a.value === '-exec' && c.args[i + 1]?.value === 'rm'),
      );
      if (dir && deletes && matches(`${normalizeDir(dir)}/*`)) return c;
    }
  }
  return null;
}

/** A path that empties `dir`: `dir`, `dir/`, `dir/*`, `dir/*.ext`, a parent folder of it or `parent/*`. */
export function clearsDir(path: string, dir: string): boolean {
  const p = path.replace(/\/+$/, '');
  if (p === '') return false;
  if (p === dir || dir.startsWith(`${p}/`)) return true;
  if (p.endsWith('/*') && dir.startsWith(p.slice(0, -1))) return true;
  if (!p.startsWith(`${dir}/`)) return false;
  const rest = p.slice(dir.length + 1);
  return !rest.includes('/') && rest.includes('*');
}

/**
 * An edit appending ` && <text>` right after a command, when that keeps the script's meaning: a plain
 * command of a shell-form RUN (not piped, not inside a condition, loop, function or substitution, not
 * run through a wrapper such as sudo or `sh -c`) followed by `&&`, `;`, a newline or nothing.
 */
export function appendAfter(inst: RunInstruction, cmd: ShellCommand, text: string): TextEdit | null {
  if (inst.form !== 'shell' || cmd.via !== null) return null;
  if (cmd.inCondition || cmd.inLoop || cmd.inFunction || cmd.inSubstitution || cmd.background) return null;
  if (cmd.pipeline.length !== 1) return null;
  if (cmd.opAfter !== null && cmd.opAfter !== '&&' && cmd.opAfter !== ';' && cmd.opAfter !== '\n')
    return null;
  // A quote left open swallows the rest of the line: text appended there would land inside the string.
  const last = cmd.words[cmd.words.length - 1];
  if (last && leavesQuoteOpen(last.raw)) return null;
  const end = commandEnd(cmd);
  return { start: end, end, text: ` && ${text}` };
}

/** Whether a word as written ends inside a quoted string (`"abc`, `'x`), backslash escapes honoured. */
export function leavesQuoteOpen(raw: string): boolean {
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i];
    if (quote === "'") {
      if (ch === "'") quote = null;
    } else if (ch === '\\') i++;
    else if (quote === '"') {
      if (ch === '"') quote = null;
    } else if (ch === '"' || ch === "'") quote = ch;
  }
  return quote !== null;
}

/** Where a command's last word or redirection ends (the reader's command end includes trailing blanks). */
export function commandEnd(cmd: ShellCommand): number {
  let end = cmd.words[cmd.words.length - 1]?.end ?? cmd.start;
  for (const r of cmd.redirects) end = Math.max(end, r.end);
  return end;
}

/** An edit adding a `--mount=…` flag to a RUN, right after the keyword. */
export function addRunFlag(inst: RunInstruction, flag: string): TextEdit {
  const at = inst.keywordSpan.end;
  return { start: at, end: at, text: ` ${flag}` };
}

/**
 * Instructions whose effect an instruction sees: those of the stages it builds on, then those of its
 * own stage before it (ONBUILD triggers count at their ONBUILD's place).
 */
export function instructionsBefore(model: DockerfileAnalysis, inst: Instruction): Instruction[] {
  const at = inst.onbuild ?? inst;
  if (at.stage < 0) return model.file.preamble.filter((i) => i.index < at.index);
  const lineage = model.lineageOf(at.stage).reverse();
  const out: Instruction[] = [];
  for (const s of lineage) {
    for (const i of s.instructions) {
      if (s.index === at.stage && i.index >= at.index) break;
      out.push(i);
    }
  }
  return out;
}

/**
 * For cache-cleaning rules: per RUN, the last command that fills a package cache (`trigger`) when no
 * cleanup follows it in the same RUN and no cache mount keeps the cache out of the layer. Only
 * instructions whose files ship are considered (see `stageShips`).
 */
export function uncleaned<T extends { inst: RunInstruction; cmd: ShellCommand }>(
  model: DockerfileAnalysis,
  commands: readonly T[],
  isTrigger: (c: T) => boolean,
  /** Whether a cleanup follows the trigger in its RUN. */
  cleanedAfter: (trigger: T) => boolean,
  cacheDirs: readonly string[],
): T[] {
  const last = new Map<RunInstruction, T>();
  for (const c of commands) {
    if (!isTrigger(c)) continue;
    const prev = last.get(c.inst);
    if (!prev || c.cmd.start > prev.cmd.start) last.set(c.inst, c);
  }
  const out: T[] = [];
  for (const [inst, c] of last) {
    if (!stageShips(model, inst)) continue;
    if (hasCacheMount(model, inst, cacheDirs)) continue;
    if (cleanedAfter(c)) continue;
    out.push(c);
  }
  return out.sort((a, b) => a.cmd.start - b.cmd.start);
}
