import { dockerfileRule } from '../define.js';
import { commandSpan } from './lib/packages.js';
import { rpmCleanFix, uncleanedRpm, YUM_TOOLS } from './lib/rpm.js';

export default dockerfileRule({
  id: 'yum-clean-all',
  code: 'DA2032',
  aliases: ['DL3032'],
  severity: 'warning',
  category: 'size',
  fixable: 'safe',
  docs: {
    summary: '`yum install` without `yum clean all` after it in the same RUN.',
    rationale:
      'yum keeps repository metadata and downloaded packages under /var/cache; unless the same RUN ends with `yum clean all` (or removes the cache folder, or mounts a BuildKit cache there) they ship in the layer, often tens of MB. Cleaning in a later RUN does not shrink the image, and a clean before the install does not help. Only stages whose files ship are checked (the final stage and stages others are built FROM). The fix appends `yum clean all` after the last yum command.',
    bad: 'FROM fedora:40\nRUN yum install -y httpd-2.4.62',
    good: 'FROM fedora:40\nRUN yum install -y httpd-2.4.62 && yum clean all',
  },
  messages: {
    default:
      'add `{tool} clean all` after `{tool} {subcommand}` in this RUN: the package cache stays in the layer',
  },
  check({ model, report }) {
    for (const pc of uncleanedRpm(model, YUM_TOOLS)) {
      report({
        span: commandSpan(pc),
        data: { tool: pc.tool, subcommand: pc.subcommandWords.map((w) => w.value).join(' ') },
        fix: rpmCleanFix(model, pc),
      });
    }
  },
});
