import { dockerfileRule } from '../define.js';
import { appendAfter, clearsDir, removes, uncleaned } from './lib/cleanup.js';
import { commandSpan, type PackageCommand, packageCommandsOf } from './lib/packages.js';

const CACHE = '/var/cache/zypp';

export default dockerfileRule({
  id: 'zypper-clean',
  code: 'DA2036',
  aliases: ['DL3036'],
  severity: 'warning',
  category: 'size',
  fixable: 'safe',
  docs: {
    summary: '`zypper install` without `zypper clean` after it in the same RUN.',
    rationale:
      'zypper keeps repository metadata and downloaded packages in /var/cache/zypp; unless the same RUN ends with `zypper clean` (`cc`), removes that folder or mounts a BuildKit cache there, they ship in the layer. Only stages whose files ship are checked. The fix appends `zypper clean --all` after the last zypper command.',
    bad: 'FROM opensuse/leap:15.6\nRUN zypper -n install mariadb=10.11.9',
    good: 'FROM opensuse/leap:15.6\nRUN zypper -n install mariadb=10.11.9 && zypper clean --all',
  },
  messages: {
    default:
      'add `zypper clean --all` after `zypper {subcommand}` in this RUN: the package cache stays in the layer',
  },
  check({ model, report }) {
    const all = packageCommandsOf(model, 'zypper');
    const fills = (pc: PackageCommand) =>
      pc.action === 'install' || pc.action === 'upgrade' || pc.action === 'dist-upgrade';
    const cleaned = (pc: PackageCommand) =>
      all.some((c) => c.inst === pc.inst && c.cmd.start > pc.cmd.start && c.subcommand === 'clean') ||
      removes(model, pc.inst, (p) => clearsDir(p, CACHE), pc.cmd.start) !== null;
    for (const pc of uncleaned(model, all, fills, cleaned, [CACHE])) {
      let last = pc;
      for (const c of all) if (c.inst === pc.inst && c.cmd.start > last.cmd.start) last = c;
      const edit = appendAfter(pc.inst, last.cmd, 'zypper clean --all');
      report({
        span: commandSpan(pc),
        data: { subcommand: pc.subcommandWords[0]!.value! },
        fix: edit ? [edit] : undefined,
      });
    }
  },
});
