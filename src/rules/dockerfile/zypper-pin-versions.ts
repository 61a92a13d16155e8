import { dockerfileRule } from '../define.js';
import { zypperPinned } from './lib/package-versions.js';
import { commandSpan, optValue, packageCommandsOf } from './lib/packages.js';
import { SCOPE_MESSAGE, unpinnedReport } from './lib/pins.js';

export default dockerfileRule({
  id: 'zypper-pin-versions',
  code: 'DA2037',
  aliases: ['DL3037'],
  severity: 'warning',
  category: 'reliability',
  docs: {
    summary: '`zypper install` of packages without a version.',
    rationale:
      'Without a version zypper installs whatever the repositories hold on the day of the build, so rebuilds differ. Pin `name=version` or a range (`name>=1.2`, quoted or escaped in the shell), or install a `.rpm` file. Patterns and other non-package types (`-t pattern`) are not checked.',
    bad: 'FROM opensuse/leap:15.6\nRUN zypper -n install tomcat && zypper clean --all',
    good: 'FROM opensuse/leap:15.6\nRUN zypper -n install tomcat=9.0.89 && zypper clean --all',
  },
  messages: {
    default: 'pin the version of {packages} (`zypper install <package>=<version>`)',
    scope: SCOPE_MESSAGE,
  },
  check({ model, report }) {
    for (const pc of packageCommandsOf(model, 'zypper')) {
      if (pc.subcommand !== 'install') continue;
      const type = optValue(pc, 't', 'type');
      if (type !== null && type !== 'package') continue;
      const unpinned = pc.operands.filter((w) => w.value !== null && !zypperPinned(w.value));
      if (unpinned.length > 0) report({ span: commandSpan(pc), ...unpinnedReport(model, pc, unpinned) });
    }
  },
});
