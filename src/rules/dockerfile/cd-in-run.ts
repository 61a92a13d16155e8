import type { TextEdit } from '../../core/finding.js';
import type { DockerfileAnalysis } from '../../dockerfile/analysis.js';
import type { RunInstruction } from '../../dockerfile/model.js';
import type { ShellCommand } from '../../dockerfile/shell-ast.js';
import { dockerfileRule } from '../define.js';
import { commandSpan } from './lib/commands.js';
import { sameCase, stageOf } from './lib/instructions.js';
import { workdirChangeIsInvisible } from './lib/workdir-safety.js';

export default dockerfileRule({
  id: 'cd-in-run',
  code: 'DA4003',
  aliases: ['DL3003'],
  severity: 'warning',
  category: 'maintainability',
  fixable: 'suggested',
  docs: {
    summary: '`cd` in a RUN instead of `WORKDIR`.',
    rationale:
      'A `cd` lasts only for its RUN, so later instructions silently run elsewhere; WORKDIR states the directory once, creates it, and applies to every following RUN, COPY, CMD and ENTRYPOINT. The fix turns a leading `cd DIR &&` of a RUN into `WORKDIR DIR` when no later instruction of the stage depends on the old working directory.',
    bad: 'FROM debian:12 AS build\nRUN cd /src && make\nFROM debian:12\nCOPY --from=build /src/app /usr/local/bin/app',
    good: 'FROM debian:12 AS build\nWORKDIR /src\nRUN make\nFROM debian:12\nCOPY --from=build /src/app /usr/local/bin/app',
  },
  messages: { default: 'use WORKDIR to change directory instead of `cd`' },
  check({ model, report }) {
    for (const { inst, cmd } of model.commandsNamed('cd')) {
      if (cmd.name !== 'cd') continue;
      const fix = leadingCdFix(model, inst, cmd);
      report({ span: commandSpan(cmd), ...(fix ? { fix } : {}) });
    }
  },
});

const PLAIN_PATH = /^[A-Za-z0-9_./@:+-]+$/;

/** `RUN cd DIR && rest` → `WORKDIR DIR` + `RUN rest`, when nothing else notices the new directory. */
function leadingCdFix(model: DockerfileAnalysis, inst: RunInstruction, cd: ShellCommand): TextEdit[] | null {
  if (inst.onbuild || inst.form !== 'shell' || inst.heredocs.length > 0) return null;
  if (cd.via || cd.depth !== 0 || cd.inSubshell || cd.opBefore !== null || cd.opAfter !== '&&') return null;
  if (cd.args.length !== 1 || cd.assignments.length > 0 || cd.redirects.length > 0) return null;
  const dir = cd.args[0]!;
  // An absolute, plain path: a relative WORKDIR would be reported by workdir-relative.
  if (
    dir.value === null ||
    dir.raw !== dir.value ||
    !PLAIN_PATH.test(dir.value) ||
    !dir.value.startsWith('/')
  )
    return null;
  const commands = model.commandsOf(inst)?.commands ?? [];
  if (commands[0] !== cd) return null;
  // One `&&` chain: with `||`, `;` or `&` the rest would not run exactly where and when it did.
  for (const c of commands) {
    if (c.depth === 0 && c.chain !== cd.chain) return null;
    if (c.opBefore === '||' || c.opAfter === '||' || c.background) return null;
    if (c.depth === 0 && (c.opAfter === ';' || c.opAfter === '\n' || c.opAfter === '&')) return null;
  }
  const stage = stageOf(model, inst);
  if (!stage || !workdirChangeIsInvisible(model, stage, inst)) return null;
  const text = model.file.text;
  const restStart = afterAndAnd(text, commandSpan(cd).end, model.file.escape);
  if (restStart === null || restStart >= inst.span.end) return null;
  const lineStart = text.lastIndexOf('\n', inst.span.start - 1) + 1;
  const indent = text.slice(lineStart, inst.span.start);
  if (/\S/.test(indent)) return null;
  const workdir = `${sameCase(inst.keywordRaw, 'WORKDIR')} ${dir.value}${model.file.eol}${indent}`;
  return [
    { start: inst.span.start, end: inst.span.start, text: workdir },
    { start: cd.start, end: restStart, text: '' },
  ];
}

/** Source offset of the first token after the `&&` that follows `from` (continuations skipped). */
function afterAndAnd(text: string, from: number, escape: string): number | null {
  let i = skipBlank(text, from, escape);
  if (text.slice(i, i + 2) !== '&&') return null;
  i = skipBlank(text, i + 2, escape);
  return i;
}

function skipBlank(text: string, i: number, escape: string): number {
  for (;;) {
    const c = text[i];
    if (c === ' ' || c === '\t') i++;
    else if (c === escape && (text[i + 1] === '\n' || (text[i + 1] === '\r' && text[i + 2] === '\n'))) {
      i += text[i + 1] === '\n' ? 2 : 3;
      // Comment lines inside a continuation are not part of the command.
      for (;;) {
        let j = i;
        while (text[j] === ' ' || text[j] === '\t') j++;
        if (text[j] !== '#') break;
        const nl = text.indexOf('\n', j);
        if (nl === -1) return text.length;
        i = nl + 1;
      }
    } else return i;
  }
}
