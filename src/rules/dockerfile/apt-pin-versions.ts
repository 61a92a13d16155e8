import { dockerfileRule } from '../define.js';
import { aptPinned } from './lib/package-versions.js';
import { commandSpan, packageCommandsOf } from './lib/packages.js';
import { SCOPE_MESSAGE, unpinnedReport } from './lib/pins.js';

export default dockerfileRule({
  id: 'apt-pin-versions',
  code: 'DA2008',
  aliases: ['DL3008'],
  severity: 'warning',
  category: 'reliability',
  docs: {
    summary: '`apt-get install` of packages without a version pin.',
    rationale:
      'Without `package=version` the same Dockerfile installs whatever the archive holds on the day of the build, so two builds of one commit can differ and a rebuild can break. Pin the versions you depend on (`curl=7.88.1-10+deb12u5`), or a release (`curl/bookworm-backports`); local `.deb` files are pinned by their name. Versions held in build arguments (`curl=${CURL_VERSION}`) count as pins.',
    bad: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl',
    good: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u5',
  },
  messages: {
    default: 'pin the version of {packages} (`{tool} install <package>=<version>`)',
    scope: SCOPE_MESSAGE,
  },
  check({ model, report }) {
    for (const pc of packageCommandsOf(model, 'apt')) {
      if (pc.subcommand !== 'install') continue;
      const unpinned = pc.operands.filter((w) => w.value !== null && !aptPinned(w.value));
      if (unpinned.length === 0) continue;
      report({ span: commandSpan(pc), ...unpinnedReport(model, pc, unpinned) });
    }
  },
});
