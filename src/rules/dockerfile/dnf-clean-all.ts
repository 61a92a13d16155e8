import { dockerfileRule } from '../define.js';
import { commandSpan } from './lib/packages.js';
import { DNF_TOOLS, rpmCleanFix, uncleanedRpm } from './lib/rpm.js';

export default dockerfileRule({
  id: 'dnf-clean-all',
  code: 'DA2040',
  aliases: ['DL3040'],
  severity: 'warning',
  category: 'size',
  fixable: 'safe',
  docs: {
    summary: '`dnf install` without `dnf clean all` after it in the same RUN.',
    rationale:
      'dnf keeps repository metadata and downloaded packages under /var/cache; unless the same RUN ends with `dnf clean all` (or removes the cache folder, or mounts a BuildKit cache there) they ship in the layer, often tens of MB. Cleaning in a later RUN does not shrink the image, and a clean before the install does not help. Only stages whose files ship are checked (the final stage and stages others are built FROM). The fix appends `dnf clean all` after the last dnf command.',
    bad: 'FROM fedora:40\nRUN dnf install -y httpd-2.4.62',
    good: 'FROM fedora:40\nRUN dnf install -y httpd-2.4.62 && dnf clean all',
  },
  messages: {
    default:
      'add `{tool} clean all` after `{tool} {subcommand}` in this RUN: the package cache stays in the layer',
  },
  check({ model, report }) {
    for (const pc of uncleanedRpm(model, DNF_TOOLS)) {
      report({
        span: commandSpan(pc),
        data: { tool: pc.tool, subcommand: pc.subcommandWords.map((w) => w.value).join(' ') },
        fix: rpmCleanFix(model, pc),
      });
    }
  },
});
