import type { TextEdit } from '../../core/finding.js';
import type { DockerfileAnalysis } from '../../dockerfile/analysis.js';
import type { Instruction, RunInstruction } from '../../dockerfile/model.js';
import type { ShellCommand } from '../../dockerfile/shell-ast.js';
import { dockerfileRule } from '../define.js';
import {
  addRunFlag,
  appendAfter,
  clearsDir,
  hasCacheMount,
  inheritingStages,
  instructionsBefore,
  removes,
  stageShips,
  usesBuildkitMounts,
} from './lib/cleanup.js';
import { commandSpan, type PackageCommand, packageCommandsOf } from './lib/packages.js';

const LISTS = '/var/lib/apt/lists';
/** Programs that read the package lists. */
const APT_READERS = new Set(['apt-get', 'apt', 'aptitude', 'apt-cache', 'add-apt-repository']);

export default dockerfileRule({
  id: 'apt-lists-not-removed',
  code: 'DA2009',
  aliases: ['DL3009'],
  severity: 'info',
  category: 'size',
  fixable: 'safe',
  docs: {
    summary: '`apt-get update` whose package lists stay in the image layer.',
    rationale:
      "`apt-get update` downloads package lists (tens of MB) into /var/lib/apt/lists. Unless the same RUN deletes them (`rm -rf /var/lib/apt/lists/*`) or keeps them in a BuildKit cache mount (`--mount=type=cache,target=/var/lib/apt/lists` or on /var/lib/apt), they ship in the layer; deleting them in a later RUN does not shrink the image. Only stages whose files are shipped are checked: the final stage and stages other stages are built FROM. When a cache mount on /var/lib/apt keeps the lists out but Debian's docker-clean hook was removed, downloaded .deb files stay in /var/cache/apt unless it is mounted too. The fix appends the `rm` to the command chain, or adds a cache mount when the file already uses BuildKit mounts; it is offered only when no later instruction needs the lists.",
    bad: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl',
    good: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*',
  },
  messages: {
    default: 'delete the apt lists in this RUN (`&& rm -rf /var/lib/apt/lists/*`) or use a cache mount',
    archives:
      'downloaded packages stay in /var/cache/apt: docker-clean was removed, so mount a cache on /var/cache/apt too',
  },
  check({ model, report }) {
    const done = new Set<Instruction>();
    for (const pc of packageCommandsOf(model, 'apt')) {
      if (pc.subcommand !== 'update' || done.has(pc.inst)) continue;
      const inst = pc.inst;
      if (!stageShips(model, inst)) continue;
      done.add(inst);
      const listsMounted = hasCacheMount(model, inst, [LISTS]);
      if (listsMounted) {
        if (!hasCacheMount(model, inst, ['/var/cache/apt']) && dockerCleanDisabled(model, inst))
          report({ span: commandSpan(pc), messageId: 'archives' });
        continue;
      }
      if (removes(model, inst, (p) => clearsDir(p, LISTS), pc.cmd.start)) continue;
      if (distCleanAfter(model, pc)) continue;
      report({ span: commandSpan(pc), fix: fixFor(model, pc) });
    }
  },
});

/** `apt-get dist-clean` (apt 2.7+) removes the lists too. */
function distCleanAfter(model: DockerfileAnalysis, update: PackageCommand): boolean {
  return packageCommandsOf(model, 'apt').some(
    (pc) =>
      pc.inst === update.inst &&
      pc.cmd.start > update.cmd.start &&
      pc.subcommandWords[0]?.value === 'dist-clean',
  );
}

/** `rm /etc/apt/apt.conf.d/docker-clean` or `Keep-Downloaded-Packages "true"` here or earlier. */
function dockerCleanDisabled(model: DockerfileAnalysis, inst: Instruction): boolean {
  const text = model.file.text;
  for (const i of [...instructionsBefore(model, inst), inst]) {
    if (i.keyword !== 'RUN' && !(i.keyword === 'ONBUILD' && i.trigger?.keyword === 'RUN')) continue;
    const body = text.slice(i.span.start, i.span.end);
    if (/Keep-Downloaded-Packages["'\s]*[=\s]["'\s]*(?:true|1|yes)/i.test(body)) return true;
    if (
      removes(model, i.keyword === 'ONBUILD' ? i.trigger! : i, (p) =>
        p.endsWith('/etc/apt/apt.conf.d/docker-clean'),
      )
    )
      return true;
  }
  return false;
}

function fixFor(model: DockerfileAnalysis, pc: PackageCommand): TextEdit[] | undefined {
  const inst = pc.inst;
  if (laterReaders(model, inst)) return undefined;
  if (usesBuildkitMounts(model))
    return [addRunFlag(inst, '--mount=type=cache,target=/var/lib/apt/lists,sharing=locked')];
  const cmds = model.commandsOf(inst)?.commands ?? [];
  let last: ShellCommand | null = null;
  for (const c of cmds)
    if (c.program && APT_READERS.has(c.program) && (!last || c.start > last.start)) last = c;
  if (!last) return undefined;
  // A script run after the last apt command may install packages itself.
  if (cmds.some((c) => c.start > last.start && runsScript(c))) return undefined;
  const edit = appendAfter(inst as RunInstruction, last, 'rm -rf /var/lib/apt/lists/*');
  return edit ? [edit] : undefined;
}

function runsScript(c: ShellCommand): boolean {
  const name = c.name ?? '';
  if (
    name.endsWith('.sh') ||
    name.startsWith('./') ||
    (name.startsWith('/') && !name.startsWith('/usr/bin/'))
  )
    return true;
  return (c.program === 'sh' || c.program === 'bash') && c.args.some((a) => !a.value?.startsWith('-'));
}

/** Whether a later RUN of this stage or a stage built on it reads the lists without updating them first. */
function laterReaders(model: DockerfileAnalysis, inst: Instruction): boolean {
  const at = inst.onbuild ?? inst;
  const stages = inheritingStages(model, at.stage);
  for (const s of model.stages) {
    if (!stages.has(s.index)) continue;
    for (const i of s.instructions) {
      if (s.index === at.stage && i.index <= at.index) continue;
      const run =
        i.keyword === 'RUN' ? i : i.keyword === 'ONBUILD' && i.trigger?.keyword === 'RUN' ? i.trigger : null;
      if (!run) continue;
      const cmds = model.commandsOf(run)?.commands ?? [];
      const firstRead = cmds.find((c) => c.program !== null && APT_READERS.has(c.program) && !isUpdate(c));
      if (!firstRead) continue;
      const update = cmds.find((c) => isUpdate(c) && c.start < firstRead.start);
      if (!update) return true;
    }
  }
  return false;
}

function isUpdate(c: ShellCommand): boolean {
  return (
    (c.program === 'apt-get' || c.program === 'apt' || c.program === 'aptitude') &&
    c.args.some((a) => a.value === 'update')
  );
}
