import type { TextEdit } from '../../core/finding.js';
import type { Instruction } from '../../dockerfile/model.js';
import type { ShellCommand } from '../../dockerfile/shell-ast.js';
import { dockerfileRule } from '../define.js';

const SHELLS = new Set(['sh', 'bash', 'dash', 'ash', 'zsh', 'ksh', 'mksh']);
/** Shells that exec a lone simple command of `-c` themselves (dash and busybox ash do not). */
const EXECS_LONE_COMMAND = new Set(['bash', 'zsh', 'ksh']);
/** Init wrappers that may sit in front of the shell in exec form. */
const FRONT_WRAPPERS = new Set(['env', 'tini', 'dumb-init', 'tini-static']);
/** Builtins that cannot be a long-running main process: nothing to exec. */
const BUILTINS = new Set([
  'cd',
  'export',
  'set',
  'unset',
  'source',
  '.',
  ':',
  'true',
  'false',
  'echo',
  'printf',
  'exit',
  'return',
  'shift',
  'ulimit',
  'umask',
  'test',
  '[',
  'read',
  'eval',
  'alias',
]);

function hasDashC(cmd: ShellCommand): boolean {
  return cmd.args.some((a) => a.value !== null && /^-[a-zA-Z]*c[a-zA-Z]*$/.test(a.value));
}

interface Judged {
  last: ShellCommand;
  fix: TextEdit[] | undefined;
  how: string;
}

/**
 * Judges the script a CMD/ENTRYPOINT runs: null when its last command already replaces the shell
 * (exec), handles signals itself (trap … wait), or there is no main process to speak of.
 */
function judge(
  text: string,
  commands: readonly ShellCommand[],
  top: ShellCommand[],
  shell: ShellCommand | null,
): Judged | null {
  if (top.length === 0) return null;
  if (top.some((c) => c.program === 'trap')) return null;
  const last = top.reduce((a, b) => (b.start > a.start ? b : a));
  if (!last.program || last.program === 'exec' || last.program === 'wait' || BUILTINS.has(last.program))
    return null;
  const after = commands.some((c) => c !== shell && c.start >= last.end && !c.inSubstitution);
  const lone = top.length === 1 && !after && last.pipeline.length === 1;
  if (lone && shell?.program && EXECS_LONE_COMMAND.has(shell.program)) return null;
  const first = last.words[0]!;
  const safe =
    !after &&
    last.pipeline.length === 1 &&
    !last.background &&
    last.assignments.length === 0 &&
    last.redirects.length === 0 &&
    text.startsWith(first.raw, first.start);
  return {
    last,
    fix: safe ? [{ start: first.start, end: first.start, text: 'exec ' }] : undefined,
    how: shell ? `${shell.program} -c` : 'the shell form',
  };
}

export default dockerfileRule({
  id: 'no-exec-main-process',
  code: 'DA4206',
  aliases: [],
  severity: 'warning',
  category: 'reliability',
  fixable: 'suggested',
  docs: {
    summary:
      'CMD/ENTRYPOINT starts the main process through `sh -c "…"` (or a shell-form script) without `exec`.',
    rationale:
      "The shell stays PID 1 and the real process is its child: `docker stop` sends SIGTERM to the shell, which (as PID 1) ignores it and does not pass it on, so the application never shuts down gracefully and is killed after the timeout. `exec` before the last command replaces the shell with the process. dash (Debian's /bin/sh) does not do this by itself even for a single command. A shell-form CMD with one command is left to the exec-form rule (JSONArgsRecommended). The fix inserts `exec` before the last command when that command is a plain simple command at the end of the script.",
    bad: 'FROM python:3.12-slim\nCMD ["sh", "-c", "gunicorn --bind 0.0.0.0:5000 --workers ${WORKERS} app:app"]',
    good: 'FROM python:3.12-slim\nCMD ["sh", "-c", "exec gunicorn --bind 0.0.0.0:5000 --workers ${WORKERS} app:app"]',
  },
  messages: {
    default:
      '{keyword} runs `{program}` under {how} without exec: the shell stays PID 1 and does not pass SIGTERM on; start it with `exec {program}`',
  },
  check({ model, report }) {
    const text = model.file.text;
    for (const stage of model.stages) {
      let cmd: Instruction | null = null;
      let entrypoint: Instruction | null = null;
      for (const inst of stage.instructions) {
        if (inst.keyword === 'CMD') cmd = inst;
        else if (inst.keyword === 'ENTRYPOINT') entrypoint = inst;
      }
      for (const inst of [entrypoint, cmd]) {
        if (!inst || (inst.keyword !== 'CMD' && inst.keyword !== 'ENTRYPOINT')) continue;
        const read = model.commandsOf(inst);
        if (!read || read.commands.length === 0) continue;
        const commands = read.commands;
        let judged: Judged | null = null;
        if (inst.form === 'exec') {
          const shell = commands.find(
            (c) =>
              c.program !== null &&
              SHELLS.has(c.program) &&
              !c.inSubstitution &&
              hasDashC(c) &&
              (c.via === null || (c.via.program !== null && FRONT_WRAPPERS.has(c.via.program))),
          );
          if (!shell) continue;
          const top = commands.filter(
            (c) => c.via === shell && c.depth === shell.depth + 1 && !c.inSubstitution,
          );
          judged = judge(text, commands, top, shell);
        } else {
          const top = commands.filter((c) => c.via === null && c.depth === 0 && !c.inSubstitution);
          const compound = commands.some((c) => c.depth > 0 && !c.inSubstitution && c.via === null);
          // One plain command: the exec-form rule (JSON arguments) covers it, with a fix of its own.
          if (top.length <= 1 && !compound) continue;
          judged = judge(text, commands, top, null);
        }
        if (!judged) continue;
        const first = judged.last.words[0]!;
        report({
          span: { start: first.start, end: first.end },
          data: { keyword: inst.keyword, program: judged.last.program!, how: judged.how },
          fix: judged.fix,
        });
      }
    }
  },
});
