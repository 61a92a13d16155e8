import { dockerfileRule } from '../define.js';
import { npmPinned } from './lib/package-versions.js';
import { commandSpan, packageCommandsOf } from './lib/packages.js';
import { SCOPE_MESSAGE, unpinnedReport } from './lib/pins.js';

export default dockerfileRule({
  id: 'npm-pin-versions',
  code: 'DA2016',
  aliases: ['DL3016'],
  severity: 'warning',
  category: 'reliability',
  docs: {
    summary: '`npm install <package>` without a version.',
    rationale:
      '`npm install -g typescript` installs the newest release of the day; pin `typescript@5.6.3` (a range or a dist-tag other than `latest` also counts) so rebuilds are reproducible. A bare `npm install` reads versions from package.json and its lockfile and is not reported; git URLs need a `#ref`, and tarballs and folders count as pinned. `@latest` is reported: it is the default and moves with every release.',
    bad: 'FROM node:22-slim\nRUN npm install -g typescript',
    good: 'FROM node:22-slim\nRUN npm install -g typescript@5.6.3',
  },
  messages: {
    default: 'pin the version of {packages} (`npm install <package>@<version>`)',
    scope: SCOPE_MESSAGE,
  },
  check({ model, report }) {
    for (const pc of packageCommandsOf(model, 'npm')) {
      if (pc.subcommand !== 'install' || pc.subcommandWords[0]?.value === 'ci') continue;
      const unpinned = pc.operands.filter((w) => w.value !== null && !npmPinned(w.value));
      if (unpinned.length > 0) report({ span: commandSpan(pc), ...unpinnedReport(model, pc, unpinned) });
    }
  },
});
