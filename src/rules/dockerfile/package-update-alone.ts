import type { DockerfileAnalysis } from '../../dockerfile/analysis.js';
import type { ShellCommand } from '../../dockerfile/shell-ast.js';
import { dockerfileRule } from '../define.js';
import { inheritingStages } from './lib/cleanup.js';
import { commandSpan, type PackageCommand, packageCommands } from './lib/packages.js';

const SYSTEM = new Set(['apt', 'apk', 'rpm', 'zypper']);
const SHELLS = new Set(['sh', 'bash', 'dash', 'ash', 'zsh', 'ksh']);
const INDEX_READERS = new Set([
  'apt-cache',
  'add-apt-repository',
  'xargs',
  'unattended-upgrade',
  'unattended-upgrades',
]);
/** Tools whose `install` does not read the system package index. */
const LANGUAGE_MANAGERS = new Set([
  'pip',
  'pip2',
  'pip3',
  'pipx',
  'npm',
  'yarn',
  'pnpm',
  'gem',
  'go',
  'cargo',
  'conda',
  'composer',
]);

export default dockerfileRule({
  id: 'package-update-alone',
  code: 'DA2202',
  aliases: [],
  severity: 'warning',
  category: 'cache',
  docs: {
    summary:
      'A package index update (`apt-get update`, `apk update`, `dnf makecache`, `zypper refresh`) with no install after it in the same RUN.',
    rationale:
      "The build cache keeps a RUN's layer as long as its text does not change. An update alone in its RUN is cached once and reused for months, so a later `RUN apt-get install …` works from stale lists: it installs old versions, or fails when the mirror no longer has them. Run the update and the install in the same RUN (`apt-get update && apt-get install -y …`). A RUN that goes on to run a script or a shell after the update (which may install) is not reported.",
    bad: 'FROM debian:12\nRUN apt-get update\nRUN apt-get install -y --no-install-recommends curl',
    good: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*',
  },
  messages: {
    default:
      '`{command}` has no install after it in this RUN: its cached layer goes stale; update and install in one RUN',
    later:
      '`{command}` has no install after it in this RUN: its cached layer goes stale for `{later}` on line {line}; update and install in one RUN',
  },
  check({ model, report }) {
    const all = packageCommands(model);
    for (const pc of all) {
      if (!SYSTEM.has(pc.family) || pc.action !== 'update') continue;
      const after = (model.commandsOf(pc.inst)?.commands ?? []).filter((c) => c.start > pc.cmd.start);
      if (
        all.some(
          (o) => o.inst === pc.inst && o.family === pc.family && o.cmd.start > pc.cmd.start && usesIndex(o),
        )
      )
        continue;
      if (after.some(mayInstall)) continue;
      const command = commandText(pc);
      const later = laterInstall(model, all, pc);
      report({
        span: commandSpan(pc),
        messageId: later ? 'later' : 'default',
        data: later
          ? { command, later: commandText(later), line: model.file.lines.position(later.cmd.start).line }
          : { command },
      });
    }
  },
});

function commandText(pc: PackageCommand): string {
  return [pc.tool, ...pc.subcommandWords.map((w) => w.value)].join(' ');
}

function usesIndex(pc: PackageCommand): boolean {
  return (
    pc.action === 'install' ||
    pc.action === 'upgrade' ||
    pc.action === 'dist-upgrade' ||
    pc.action === 'other'
  );
}

/** A command that may install packages itself: a script, a shell reading one, apt-cache-like readers. */
function mayInstall(c: ShellCommand): boolean {
  const name = c.name ?? '';
  if (c.name === null || name.endsWith('.sh') || name.startsWith('./') || name.includes('install'))
    return true;
  if (c.program && SHELLS.has(c.program)) return true;
  if (c.program !== null && INDEX_READERS.has(c.program)) return true;
  // `rosdep install`, `tlmgr install`: other tools that install system packages.
  return c.args.some((a) => a.value === 'install') && !LANGUAGE_MANAGERS.has(c.program ?? '');
}

/** The first install of the same family in a later RUN of this stage or a stage built on it. */
function laterInstall(model: DockerfileAnalysis, all: readonly PackageCommand[], update: PackageCommand) {
  const at = update.inst.onbuild ?? update.inst;
  const stages = inheritingStages(model, at.stage);
  return all.find(
    (o) =>
      o.family === update.family &&
      (o.action === 'install' || o.action === 'upgrade' || o.action === 'dist-upgrade') &&
      !o.inst.onbuild &&
      stages.has(o.inst.stage) &&
      (o.inst.stage !== at.stage || o.inst.index > at.index),
  );
}
