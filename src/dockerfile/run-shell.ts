import type { Span } from '../core/positions.js';
import type { Heredoc, Instruction, JsonArgs } from './model.js';
import { OffsetMap } from './offset-map.js';
import type { ShellCommand, ShellScript, ShellWord } from './shell-ast.js';
import { execFormCommands, readShellCommands } from './shell-commands.js';

export type ShellKind = 'posix' | 'powershell' | 'cmd';

/** The shell an instruction's shell form runs with. */
export interface ShellSetting {
  kind: ShellKind;
  /** argv of the shell, e.g. ["/bin/sh", "-c"]. */
  argv: string[];
  /** The SHELL instruction that set it, or null for the default. */
  setBy: Instruction | null;
}

/** What a RUN (or CMD/ENTRYPOINT/HEALTHCHECK) executes, read as shell commands with source offsets. */
export interface CommandsOf {
  form: 'shell' | 'exec';
  shell: ShellSetting;
  /** Scripts read (the instruction line, heredoc scripts); empty when the shell is not POSIX. */
  scripts: ShellScript[];
  commands: ShellCommand[];
  /** Shell syntax errors with source spans. */
  errors: Array<{ message: string; span: Span }>;
  /** Heredoc bodies run as scripts (not data fed to a command). */
  scriptHeredocs: Heredoc[];
}

export function shellKindOf(argv: readonly string[]): ShellKind {
  const program = (argv[0] ?? '')
    .toLowerCase()
    .replace(/\\/g, '/')
    .split('/')
    .pop()!
    .replace(/\.exe$/, '');
  if (program === 'powershell' || program === 'pwsh') return 'powershell';
  if (program === 'cmd') return 'cmd';
  return 'posix';
}

const POSIX_SHELLS = /^(?:sh|bash|dash|ash|zsh|ksh|mksh)$/;

/**
 * Reads the commands of an instruction with a shell form: RUN, CMD, ENTRYPOINT, HEALTHCHECK CMD.
 * `text`/`map` are the command text in the logical line and its source mapping.
 */
export function readCommands(
  inst: Instruction,
  shell: ShellSetting,
  form: 'shell' | 'exec',
  json: JsonArgs | null,
  textStart = 0,
): CommandsOf {
  const result: CommandsOf = { form, shell, scripts: [], commands: [], errors: [], scriptHeredocs: [] };
  if (form === 'exec' && json) {
    const words: ShellWord[] = json.values.map((value, i) => {
      const span = json.spans[i]!;
      return {
        raw: JSON.stringify(value),
        value,
        text: value,
        start: span.start,
        end: span.end,
        quoted: true,
        substitutions: [],
      };
    });
    result.commands = execFormCommands(words);
    return result;
  }
  if (shell.kind !== 'posix') return result;
  const text = inst.argsText.slice(textStart);
  const map = inst.map;
  const line = readShellCommands(text, (o, end) => (end ? map.end(o + textStart) : map.start(o + textStart)));
  result.scripts.push(line.script);
  for (const e of line.script.errors) {
    const at = map.start(e.offset + textStart);
    result.errors.push({ message: e.message, span: { start: at, end: at + 1 } });
  }
  const heredocs = inst.heredocs;
  if (heredocs.length === 0) {
    result.commands = line.commands;
    return result;
  }
  // `RUN <<EOF` alone: the body is the script. `RUN sh <<EOF`, `RUN bash -e <<EOF`: the shell reads it.
  const onlyMarkers = line.commands.length === 0;
  const readsScript = new Set<string>();
  for (const c of line.commands) {
    if (
      !c.program ||
      !POSIX_SHELLS.test(c.program) ||
      c.args.some((a) => a.value === '-c' || /^-[a-z]*c/.test(a.value ?? ''))
    )
      continue;
    for (const r of c.redirects)
      if (r.heredoc && (r.op === '<<' || r.op === '<<-')) readsScript.add(r.heredoc.delimiter);
  }
  result.commands = [...line.commands];
  heredocs.forEach((h, i) => {
    const isScript = (onlyMarkers && i === 0) || readsScript.has(h.name);
    if (!isScript) return;
    const shebang = /^#!\s*(\S+)(?:\s+(\S+))?/.exec(h.body);
    if (shebang) {
      const interp = shebang[1]!.split('/').pop()!;
      const viaEnv = interp === 'env' ? (shebang[2] ?? '') : interp;
      if (!POSIX_SHELLS.test(viaEnv)) return;
    }
    result.scriptHeredocs.push(h);
    const { text: body, map: bodyMap } = heredocText(h);
    const read = readShellCommands(body, (o, end) => (end ? bodyMap.end(o) : bodyMap.start(o)));
    result.scripts.push(read.script);
    for (const e of read.script.errors) {
      const at = bodyMap.start(e.offset);
      result.errors.push({ message: e.message, span: { start: at, end: at + 1 } });
    }
    result.commands.push(...read.commands);
  });
  return result;
}

/** A heredoc's body as the shell sees it (leading tabs removed for `<<-`), with its source map. */
export function heredocText(h: Heredoc): { text: string; map: OffsetMap } {
  const map = new OffsetMap();
  if (!h.stripTabs) {
    map.push(h.bodySpan.start, h.body.length);
    return { text: h.body, map };
  }
  let text = '';
  let i = 0;
  while (i < h.body.length) {
    let nl = h.body.indexOf('\n', i);
    if (nl === -1) nl = h.body.length - 1;
    let s = i;
    while (s <= nl && h.body.charCodeAt(s) === 9) s++;
    map.push(h.bodySpan.start + s, nl + 1 - s);
    text += h.body.slice(s, nl + 1);
    i = nl + 1;
  }
  return { text, map };
}
