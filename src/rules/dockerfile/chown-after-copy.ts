import type { TextEdit } from '../../core/finding.js';
import type { DockerfileAnalysis } from '../../dockerfile/analysis.js';
import type { CopyInstruction, Instruction, RunInstruction } from '../../dockerfile/model.js';
import type { ShellCommand } from '../../dockerfile/shell-ast.js';
import { dockerfileRule } from '../define.js';
import { parseArgs } from './lib/args.js';
import { resolvePath, workdirAt } from './lib/lineage.js';

/** Owner as COPY --chown accepts it: literal `user[:group]` or Dockerfile variables in scope. */
function ownerFor(
  model: DockerfileAnalysis,
  copy: Instruction,
  text: string,
  literal: boolean,
): string | null {
  if (!/^[A-Za-z0-9_.$:{}-]+$/.test(text)) return null;
  if (literal) return text;
  // Shell variables become Dockerfile variables in --chown only when the Dockerfile declares them.
  const names = [...text.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g)].map((m) => m[1]!);
  const scope = model.scopeOf(copy);
  return names.every((n) => scope.has(n)) ? text : null;
}

/** The old `user.group` spelling of chown, in the `user:group` form --chown understands. */
function colonForm(owner: string): string {
  return !owner.includes(':') && /^[A-Za-z_][A-Za-z0-9_-]*\.[A-Za-z_][A-Za-z0-9_-]*$/.test(owner)
    ? owner.replace('.', ':')
    : owner;
}

/** Edits that delete the first command of a RUN (the whole RUN when it is the only one). */
function removeFirstCommand(
  model: DockerfileAnalysis,
  run: RunInstruction,
  top: ShellCommand[],
): TextEdit[] | null {
  const text = model.file.text;
  const cmd = top[0]!;
  if (top.length === 1) {
    let end = run.span.end;
    if (text.startsWith('\r\n', end)) end += 2;
    else if (text[end] === '\n') end += 1;
    return [{ start: run.span.start, end, text: '' }];
  }
  const joins = cmd.opAfter === '&&' || cmd.opAfter === ';' || cmd.opAfter === '\n';
  return joins ? [{ start: cmd.start, end: top[1]!.start, text: '' }] : null;
}

export default dockerfileRule({
  id: 'chown-after-copy',
  code: 'DA4210',
  aliases: [],
  severity: 'warning',
  category: 'size',
  fixable: 'suggested',
  docs: {
    summary: '`RUN chown -R` right after a COPY/ADD of the same path instead of `COPY --chown`.',
    rationale:
      'Changing the owner of files rewrites every one of them into a new layer: the image ships the copied files twice. `COPY --chown=user:group` (and `ADD --chown`) sets the owner while copying, in one layer, as the seeds recommend for non-root images; a chown to root is useless, COPY creates root-owned files already. The fix moves the owner into the COPY (or drops a chown to root) and removes the chown when it is the first command of its RUN (commands before it may create files it would also chown); it is offered as a suggestion because `chown -R` also changes the destination folder itself and files already there, which `--chown` does not.',
    bad: 'FROM node:20-slim\nWORKDIR /app\nCOPY . /app\nRUN chown -R node:node /app\nUSER node',
    good: 'FROM node:20-slim\nWORKDIR /app\nCOPY --chown=node:node . /app\nUSER node',
  },
  messages: {
    default:
      '`{command} {owner}` right after {keyword} stores the copied files a second time: copy them with `{keyword} --chown={owner}` instead',
    root: '{keyword} already creates root-owned files: `{command} {owner}` right after it only stores them a second time; remove it',
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      const list = stage.instructions;
      for (let k = 0; k + 1 < list.length; k++) {
        const copy = list[k]!;
        const run = list[k + 1]!;
        if ((copy.keyword !== 'COPY' && copy.keyword !== 'ADD') || run.keyword !== 'RUN' || !copy.destination)
          continue;
        if (copy.flags.some((f) => f.name === 'chown')) continue;
        const dest = destinationOf(model, copy);
        if (!dest) continue;
        const commands = model.commandsOf(run)?.commands ?? [];
        const top = commands.filter((c) => c.depth === 0 && c.via === null && !c.inSubstitution);
        for (const cmd of top) {
          if (cmd.program !== 'chown' || cmd.pipeline.length > 1 || cmd.inCondition) continue;
          if (cmd.opBefore === '||' || cmd.opAfter === '||' || cmd.background) continue;
          const parsed = parseArgs(cmd.args, { longValue: ['from', 'reference'] });
          if (parsed.options.some((o) => o.name === 'from' || o.name === 'reference')) continue;
          const recursive = parsed.options.some((o) => o.name === 'R' || o.name === 'recursive');
          const [ownerWord, ...targets] = parsed.positionals;
          if (!ownerWord || targets.length === 0) continue;
          const dir = workdirAt(model, run);
          const resolved = targets.map((t) =>
            t.value !== null && dir !== null ? resolvePath(dir, t.value) : null,
          );
          if (!resolved.includes(dest.path)) continue;
          if (!recursive && !dest.singleFile) continue;
          const ownerText = colonForm(ownerWord.value ?? ownerWord.text);
          const owner = ownerFor(model, copy, ownerText, ownerWord.value !== null);
          // COPY already creates root-owned files: a chown to root only stores them again.
          const toRoot = /^(?:root|0)(?::(?:root|0))?$/.test(ownerText);
          let fix: TextEdit[] | undefined;
          // Commands before the chown in the same RUN may write into the folder too (`yarn add`):
          // their files would stay root-owned without it, so only a leading chown is moved.
          if (owner && resolved.every((r) => r === dest.path) && top[0] === cmd) {
            const removal = removeFirstCommand(model, run, top);
            if (removal && toRoot) fix = removal;
            else if (removal)
              fix = [
                { start: copy.keywordSpan.end, end: copy.keywordSpan.end, text: ` --chown=${owner}` },
                ...removal,
              ];
          }
          report({
            span: { start: cmd.start, end: cmd.end },
            messageId: toRoot ? 'root' : 'default',
            data: { owner: ownerText, keyword: copy.keyword, command: recursive ? 'chown -R' : 'chown' },
            fix,
          });
        }
      }
    }
  },
});

/** Where a COPY puts its files (absolute), and whether that is a single file. */
function destinationOf(
  model: DockerfileAnalysis,
  copy: CopyInstruction,
): { path: string; singleFile: boolean } | null {
  const e = model.expand(copy.destination!, copy);
  const dir = workdirAt(model, copy);
  if (!e.complete || dir === null || !e.value) return null;
  const isDir = e.value.endsWith('/') || copy.sources.length > 1 || e.value === '.';
  const source = copy.sources[0]?.value ?? '';
  const singleFile =
    !isDir && copy.sources.length === 1 && /[^/]\.[A-Za-z0-9]+$/.test(source) && !/[*?[]/.test(source);
  return { path: resolvePath(dir, e.value), singleFile };
}
