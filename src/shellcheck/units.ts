import type { DockerfileAnalysis } from '../dockerfile/analysis.js';
import type { Heredoc, Instruction, RunInstruction } from '../dockerfile/model.js';
import type { OffsetMap } from '../dockerfile/offset-map.js';
import { MapScope, PREDEFINED_ARGS } from '../dockerfile/variables.js';

/** Shells ShellCheck understands (by program name); other shells are not checked. */
const DIALECTS = new Set(['sh', 'bash', 'dash', 'ksh', 'ash']);

/** A line of a unit's script: where it comes from in the Dockerfile. */
export type SourceLine = { map: OffsetMap } | { start: number };

/**
 * One script to hand to ShellCheck: a shebang naming the instruction's shell, `export NAME=1` for each
 * build argument and environment variable in scope that the script reads (as hadolint does, so they count as set),
 * then the script itself: the RUN's logical line (continuations joined, exactly what the shell runs)
 * followed by its heredocs, or a heredoc that is the script.
 */
export interface ShellcheckUnit {
  key: string;
  instruction: Instruction;
  text: string;
  /** Lines before the script itself (shebang and exports). */
  prefixLines: number;
  lines: SourceLine[];
}

/** The shell scripts of a Dockerfile that ShellCheck can check: RUN bodies in a POSIX shell. */
export function shellcheckUnits(model: DockerfileAnalysis): ShellcheckUnit[] {
  const units: ShellcheckUnit[] = [];
  for (const top of model.file.instructions) {
    const inst = top.keyword === 'ONBUILD' ? top.trigger : top;
    if (inst?.keyword !== 'RUN' || inst.form !== 'shell') continue;
    const read = model.commandsOf(inst);
    if (read?.shell.kind !== 'posix') continue;
    const shebang = shebangOf(inst.stage < 0 && !inst.onbuild ? preambleShell(model, inst) : read.shell.argv);
    if (!shebang) continue;
    const exports = knownVariables(model, inst);
    const key = (k: number) => `${top.index}${inst.onbuild ? 't' : ''}:${k}`;
    // `RUN <<EOF` alone: the heredoc is the script; otherwise the heredocs are data of the RUN line.
    const firstBody = inst.heredocs[0]?.bodySpan.start ?? Number.POSITIVE_INFINITY;
    const onlyHeredocScripts =
      read.scriptHeredocs.length > 0 && !read.commands.some((c) => c.start < firstBody);
    if (!onlyHeredocScripts) {
      const lines: SourceLine[] = [{ map: inst.map }];
      let body = inst.argsText;
      for (const h of inst.heredocs) {
        const part = heredocLines(h, true);
        body += `\n${part.text}`;
        lines.push(...part.lines);
      }
      units.push(unit(key(0), inst, shebang, exports, body, lines));
      continue;
    }
    read.scriptHeredocs.forEach((h, k) => {
      const part = heredocLines(h, false);
      let own = shebang;
      if (part.text.startsWith('#!')) {
        const nl = part.text.indexOf('\n');
        own = nl === -1 ? part.text : part.text.slice(0, nl);
        part.text = nl === -1 ? '' : part.text.slice(nl + 1);
        part.lines.shift();
      }
      units.push(unit(key(k), inst, own, exports, part.text, part.lines));
    });
  }
  return units;
}

function unit(
  key: string,
  instruction: Instruction,
  shebang: string,
  known: readonly string[],
  body: string,
  lines: SourceLine[],
): ShellcheckUnit {
  // Every exported name costs ShellCheck time: export those the script reads, and those close to a name it
  // reads but nobody sets, so ShellCheck can still say "did you mean HTTP_PROXY?" (SC2153).
  const used = referencedNames(body);
  const unknown = [...used].filter((n) => !known.includes(n));
  const exports = known.filter((n) => used.has(n) || unknown.some((u) => closeNames(u, n)));
  const prefix =
    exports.length > 0 ? [shebang, `export ${exports.map((n) => `${n}=1`).join(' ')}`] : [shebang];
  return {
    key,
    instruction,
    text: `${prefix.join('\n')}\n${body}${body.endsWith('\n') ? '' : '\n'}`,
    prefixLines: prefix.length,
    lines,
  };
}

/** Edit distance of at most 3 (ShellCheck suggests only names that close). */
function closeNames(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 3) return false;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++)
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    if (Math.min(...row) > 3) return false;
    prev = row;
  }
  return prev[b.length]! <= 3;
}

/** Names after `$` or `${` anywhere in a script (a superset of what it reads; enough to pick exports). */
function referencedNames(script: string): Set<string> {
  const names = new Set<string>();
  for (const m of script.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)) names.add(m[1]!);
  return names;
}

/** `#!/bin/sh` from the SHELL argv; null for shells ShellCheck cannot read. */
function shebangOf(argv: readonly string[]): string | null {
  let program = argv[0] ?? '/bin/sh';
  let name = program.split('/').pop()!;
  if (name === 'env' && argv[1]) {
    program = argv[1];
    name = program.split('/').pop()!;
  }
  if (!DIALECTS.has(name)) return null;
  return `#!${program.includes('/') ? program : `/bin/${program}`}`;
}

/** The SHELL last set above an instruction that has no stage. */
function preambleShell(model: DockerfileAnalysis, inst: Instruction): readonly string[] {
  let argv: readonly string[] = ['/bin/sh', '-c'];
  for (const i of model.file.preamble) {
    if (i.index >= inst.index) break;
    if (i.keyword === 'SHELL' && i.json && i.json.values.length > 0) argv = i.json.values;
  }
  return argv;
}

/** Lines of a heredoc body (and, when it is data inside a RUN, its terminator), carriage returns dropped. */
function heredocLines(h: Heredoc, withTerminator: boolean): { text: string; lines: SourceLine[] } {
  const lines: SourceLine[] = [];
  const parts: string[] = [];
  let i = 0;
  const body = h.body;
  while (i < body.length) {
    let nl = body.indexOf('\n', i);
    if (nl === -1) nl = body.length;
    parts.push(body.slice(i, nl).replace(/\r$/, ''));
    lines.push({ start: h.bodySpan.start + i });
    i = nl + 1;
  }
  if (withTerminator) {
    parts.push(h.name);
    lines.push({ start: h.terminatorSpan.start });
  }
  return { text: parts.join('\n'), lines };
}

/** Names the script can read as set: build arguments and environment variables in scope, proxy settings. */
function knownVariables(model: DockerfileAnalysis, inst: RunInstruction): string[] {
  const names = new Set<string>(PREDEFINED_ARGS);
  if (inst.onbuild) {
    // A trigger runs in a later build: only the image's environment (ENV) is there, not build arguments.
    const stage = model.stages[inst.onbuild.stage];
    for (const s of stage ? model.lineageOf(stage) : [])
      for (const i of s.instructions) if (i.keyword === 'ENV') for (const p of i.pairs) names.add(p.key);
  } else if (inst.stage < 0) {
    // No FROM yet (a file the builder rejects): read the instructions above as they come, as hadolint does.
    for (const i of model.file.preamble) {
      if (i.index >= inst.index) break;
      if (i.keyword === 'ARG') for (const a of i.args) names.add(a.name);
      if (i.keyword === 'ENV') for (const p of i.pairs) names.add(p.key);
    }
  } else {
    const scope = model.scopeOf(inst);
    if (scope instanceof MapScope) for (const name of scope.vars.keys()) names.add(name);
  }
  return [...names].filter((n) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(n)).sort();
}

/** Source offset of a 1-based line/column of a unit's script; null inside the prefix. */
export function sourceOffset(unit: ShellcheckUnit, line: number, column: number): number | null {
  const k = line - unit.prefixLines - 1;
  const source = unit.lines[k];
  if (!source) return null;
  const col0 = Math.max(0, column - 1);
  return 'map' in source ? source.map.start(col0) : source.start + col0;
}
