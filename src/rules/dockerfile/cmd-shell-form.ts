import type { TextEdit } from '../../core/finding.js';
import type { Span } from '../../core/positions.js';
import type { DockerfileAnalysis } from '../../dockerfile/analysis.js';
import type { Instruction } from '../../dockerfile/model.js';
import { dockerfileRule } from '../define.js';
import { consumersOf, stageOf, withTriggers } from './lib/instructions.js';

/** Shell builtins with no program of the same name: they cannot run without a shell. */
const BUILTINS = new Set([
  '.',
  ':',
  'alias',
  'builtin',
  'cd',
  'command',
  'declare',
  'eval',
  'exit',
  'export',
  'getopts',
  'hash',
  'let',
  'local',
  'read',
  'readonly',
  'return',
  'set',
  'shift',
  'source',
  'trap',
  'type',
  'typeset',
  'ulimit',
  'umask',
  'unset',
  'wait',
]);

export default dockerfileRule({
  id: 'cmd-shell-form',
  code: 'DA4025',
  aliases: ['DL3025', 'JSONArgsRecommended'],
  severity: 'warning',
  category: 'reliability',
  fixable: 'suggested',
  docs: {
    summary: 'CMD, ENTRYPOINT or HEALTHCHECK CMD in shell form instead of JSON (exec) form.',
    rationale:
      'In shell form the command runs under `/bin/sh -c`: the shell is PID 1 and does not pass SIGTERM on, so `docker stop` waits and then kills the application without a clean shutdown; an image without /bin/sh cannot run it at all, and an ENTRYPOINT in shell form ignores the arguments of `docker run`. The fix writes the JSON form when the command uses no shell syntax (no variables, globs, operators, redirections or builtins); it changes which process is PID 1, so it is a suggestion.',
    bad: 'FROM python:3.12\nCMD gunicorn --bind 0.0.0.0:8000 app:app',
    good: 'FROM python:3.12\nCMD ["gunicorn", "--bind", "0.0.0.0:8000", "app:app"]',
  },
  messages: { default: 'write {keyword} in JSON form, e.g. {keyword} ["executable", "arg"]' },
  check({ model, report }) {
    for (const inst of withTriggers(model.file.instructions)) {
      let span: Span;
      let keyword: string;
      if (inst.keyword === 'CMD' || inst.keyword === 'ENTRYPOINT') {
        if (inst.form !== 'shell' || inst.argsText.length === 0) continue;
        span = inst.argsSpan;
        keyword = inst.keyword;
      } else if (inst.keyword === 'HEALTHCHECK') {
        if (inst.none || !inst.cmdWord || inst.form !== 'shell') continue;
        if (inst.commandStart >= inst.argsText.length) continue;
        span = inst.map.span(inst.commandStart, inst.argsText.length);
        keyword = 'HEALTHCHECK CMD';
      } else continue;
      const json = execFormOf(model, inst);
      report({
        span,
        data: { keyword },
        ...(json ? { fix: [{ start: span.start, end: span.end, text: json } satisfies TextEdit] } : {}),
      });
    }
  },
});

/** The JSON form of a shell-form command whose meaning does not depend on the shell, or null. */
function execFormOf(model: DockerfileAnalysis, inst: Instruction): string | null {
  if (model.shellOf(inst).kind !== 'posix') return null;
  const read = model.commandsOf(inst);
  if (!read || read.errors.length > 0 || read.scripts.length !== 1) return null;
  const root = read.scripts[0]!.root;
  if (root.items.length !== 1 || root.items[0]!.type !== 'simple') return null;
  const node = root.items[0]!;
  if (node.assignments.length > 0 || node.redirects.length > 0 || node.words.length === 0) return null;
  let words = node.words;
  if (words[0]!.value === 'exec') words = words.slice(1);
  if (words.length === 0 || words[0]!.value?.startsWith('-')) return null;
  const values: string[] = [];
  for (const w of words) {
    if (w.value === null || w.substitutions.length > 0) return null;
    // Unquoted glob characters, `~` and backslashes would be expanded or removed by the shell.
    if (/[*?[~\\{]/.test(w.raw.replace(/'[^']*'|"[^"]*"/g, ''))) return null;
    if (/[\n$`]/.test(w.value)) return null;
    values.push(w.value);
  }
  if (BUILTINS.has(values[0]!)) return null;
  if (inst.keyword === 'ENTRYPOINT' && cmdBecomesArguments(model, inst)) return null;
  return `[${values.map((v) => JSON.stringify(v)).join(', ')}]`;
}

/** An exec-form ENTRYPOINT receives CMD as arguments; a shell-form one ignores it. */
function cmdBecomesArguments(model: DockerfileAnalysis, inst: Instruction): boolean {
  if (inst.onbuild) return true;
  const stage = stageOf(model, inst);
  if (!stage) return true;
  const stages = [stage.index, ...consumersOf(model, stage.index)];
  return stages.some((s) =>
    model.stages[s]!.instructions.some(
      (i) => i.keyword === 'CMD' || (i.keyword === 'ONBUILD' && i.trigger?.keyword === 'CMD'),
    ),
  );
}
