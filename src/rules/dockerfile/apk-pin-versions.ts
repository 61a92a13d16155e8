import { dockerfileRule } from '../define.js';
import { apkPinned } from './lib/package-versions.js';
import { commandSpan, packageCommandsOf } from './lib/packages.js';
import { SCOPE_MESSAGE, unpinnedReport } from './lib/pins.js';

export default dockerfileRule({
  id: 'apk-pin-versions',
  code: 'DA2018',
  aliases: ['DL3018'],
  severity: 'warning',
  category: 'reliability',
  docs: {
    summary: '`apk add` of packages without a version constraint.',
    rationale:
      'Without a constraint apk installs the newest package of the day, so two builds of one commit can differ. Pin `name=version`, a fuzzy `name~1.2` or `name=~1.2`, or a range (`"name>=1.2"`); `.apk` files are pinned by their name. A `--virtual` name is not a package.',
    bad: 'FROM alpine:3.20\nRUN apk add --no-cache curl',
    good: 'FROM alpine:3.20\nRUN apk add --no-cache curl=8.12.1-r0',
  },
  messages: {
    default: 'pin the version of {packages} (`apk add <package>=<version>`)',
    scope: SCOPE_MESSAGE,
  },
  check({ model, report }) {
    for (const pc of packageCommandsOf(model, 'apk')) {
      if (pc.subcommand !== 'add') continue;
      const unpinned = pc.operands.filter((w) => w.value !== null && !apkPinned(w.value));
      if (unpinned.length > 0) report({ span: commandSpan(pc), ...unpinnedReport(model, pc, unpinned) });
    }
  },
});
