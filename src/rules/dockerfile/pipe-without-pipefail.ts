import type { TextEdit } from '../../core/finding.js';
import type { DockerfileAnalysis } from '../../dockerfile/analysis.js';
import type { Instruction, RunInstruction } from '../../dockerfile/model.js';
import type { ShellCommand } from '../../dockerfile/shell-ast.js';
import { dockerfileRule } from '../define.js';
import { hasBash } from './lib/base-image.js';
import { commandEnd } from './lib/cleanup.js';

export default dockerfileRule({
  id: 'pipe-without-pipefail',
  code: 'DA4106',
  aliases: ['DL4006'],
  severity: 'warning',
  category: 'reliability',
  fixable: 'suggested',
  docs: {
    summary: 'A RUN with a pipe whose shell does not have `pipefail` set.',
    rationale:
      'A pipeline\'s status is that of its last command: in `curl -fsSL $URL | tar -xz` a failed download still lets the step succeed and the build goes on with a broken image. With `pipefail` any failing command fails the step. Pipes fed only by `echo` or `printf` cannot hide a failure and are not reported; neither is `yes | cmd`, which pipefail would break (`yes` always ends by SIGPIPE). It is accepted however it is set: a SHELL with `-o pipefail` (`-eo pipefail`, `-o errexit -o pipefail`, any POSIX shell, `/bin/sh` included: BusyBox ash and dash 0.5.11+ support it, older shells reject the option and fail the build loudly), or `set -o pipefail` earlier in the same RUN. PowerShell and cmd are not checked. The fix inserts `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` before the first such RUN of the stage when the base image has bash, else it prefixes the RUN with `set -o pipefail &&`; it is a suggestion because it changes the shell later instructions run with.',
    bad: 'FROM debian:12\nRUN curl -fsSL https://example.com/tool.tar.gz | tar -xz -C /opt',
    good: 'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://example.com/tool.tar.gz | tar -xz -C /opt',
  },
  messages: {
    default:
      'set pipefail before this pipe (`SHELL ["/bin/bash", "-o", "pipefail", "-c"]`): a failure before the last command goes unnoticed',
  },
  check({ model, report }) {
    const firstInStage = new Map<number, RunInstruction>();
    const found: Array<{ inst: RunInstruction; pipe: ShellCommand[] }> = [];
    for (const top of model.file.instructions) {
      const inst =
        top.keyword === 'RUN'
          ? top
          : top.keyword === 'ONBUILD' && top.trigger?.keyword === 'RUN'
            ? top.trigger
            : null;
      if (!inst) continue;
      const pipe = unguardedPipe(model, inst);
      if (!pipe) continue;
      found.push({ inst, pipe });
      if (!inst.onbuild && !firstInStage.has(inst.stage)) firstInStage.set(inst.stage, inst);
    }
    for (const { inst, pipe } of found) {
      const first = pipe[0]!;
      const end = Math.max(...pipe.map(commandEnd));
      report({
        span: { start: first.words[0]!.start, end },
        fix: fixFor(model, inst, firstInStage.get(inst.stage)),
      });
    }
  },
});

/** The first pipeline of the RUN's own script when neither the shell nor the script sets pipefail. */
function unguardedPipe(model: DockerfileAnalysis, inst: RunInstruction): ShellCommand[] | null {
  const c = model.commandsOf(inst);
  if (c?.form !== 'shell' || c.shell.kind !== 'posix') return null;
  if (!c.commands.some((x) => x.pipeline.length > 1)) return null;
  const own = c.commands.filter((x) => x.via === null);
  const first = own.find((x) => x.pipeline.length > 1 && mayHideFailure(own, x.pipeline.id));
  if (!first) return null;
  if (setsPipefail(c.shell.argv.slice(1))) return null;
  const guarded = own.some(
    (x) =>
      x.program === 'set' &&
      x.start < first.start &&
      !x.inSubshell &&
      !x.inSubstitution &&
      !x.inFunction &&
      setsPipefail(x.args.map((a) => a.value ?? '')),
  );
  if (guarded) return null;
  return own.filter((x) => x.pipeline.id === first.pipeline.id);
}

/**
 * Whether pipefail would change anything for the pipeline: a command before the last one can fail.
 * `echo`/`printf` into a pipe do not fail; `yes | cmd` is left out because `yes` always dies of
 * SIGPIPE, so pipefail would fail the build (answer prompts with the tool's own -y instead).
 */
function mayHideFailure(commands: readonly ShellCommand[], pipeline: number): boolean {
  const members = commands
    .filter((x) => x.pipeline.id === pipeline)
    .sort((a, b) => a.pipeline.index - b.pipeline.index);
  const feeders = members.slice(0, -1);
  if (feeders.some((x) => x.program === 'yes')) return false;
  return feeders.some((x) => x.program !== 'echo' && x.program !== 'printf');
}

/** `-o pipefail`, `-eo pipefail`, `-o errexit -o pipefail` in a shell's or `set`'s arguments. */
function setsPipefail(args: readonly string[]): boolean {
  let on = false;
  for (let i = 0; i < args.length - 1; i++) {
    const a = args[i]!;
    if (args[i + 1] !== 'pipefail') continue;
    if (/^-[A-Za-z]*o$/.test(a)) on = true;
    else if (/^\+[A-Za-z]*o$/.test(a)) on = false;
  }
  return on;
}

function fixFor(
  model: DockerfileAnalysis,
  inst: RunInstruction,
  first: RunInstruction | undefined,
): TextEdit[] | undefined {
  // Before the first FROM nothing runs (the build fails on it), and a SHELL there would change nothing.
  if (inst.stage < 0) return undefined;
  if (!inst.onbuild && first && hasBash(model, inst)) return [shellBefore(model, first)];
  if (inst.heredocs.length > 0) return undefined;
  return [{ start: inst.argsSpan.start, end: inst.argsSpan.start, text: 'set -o pipefail && ' }];
}

/** A SHELL with pipefail inserted above the RUN (and above the comments right before it, which may be pragmas). */
function shellBefore(model: DockerfileAnalysis, run: Instruction): TextEdit {
  const text = model.file.text;
  const current = model.shellOf(run).argv;
  const program = /(?:^|\/)(?:bash|zsh)$/.test(current[0] ?? '') ? current[0]! : '/bin/bash';
  const rest = program === current[0] ? current.slice(1) : ['-c'];
  const argv = [program, '-o', 'pipefail', ...rest];
  let lineStart = text.lastIndexOf('\n', run.span.start - 1) + 1;
  const indent = text.slice(lineStart, run.span.start);
  const clean = /^[ \t]*$/.test(indent) ? indent : '';
  for (;;) {
    if (lineStart === 0) break;
    const prevStart = text.lastIndexOf('\n', lineStart - 2) + 1;
    if (!/^[ \t]*#/.test(text.slice(prevStart, lineStart))) break;
    lineStart = prevStart;
  }
  return {
    start: lineStart,
    end: lineStart,
    text: `${clean}SHELL ${JSON.stringify(argv).replace(/","/g, '", "')}${model.file.eol}`,
  };
}
