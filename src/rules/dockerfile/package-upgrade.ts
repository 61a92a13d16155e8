import { dockerfileRule } from '../define.js';
import { commandSpan, packageCommands } from './lib/packages.js';

const SYSTEM = new Set(['apt', 'apk', 'rpm', 'zypper']);

export default dockerfileRule({
  id: 'package-upgrade',
  code: 'DA2201',
  aliases: [],
  severity: 'info',
  category: 'reliability',
  docs: {
    summary:
      'A whole-system package upgrade (`apt-get upgrade`, `apk upgrade`, `dnf upgrade`, …) in a Dockerfile.',
    rationale:
      'Upgrading every package inside the build makes the image depend on the day it was built (two builds of one commit differ), rewrites much of the base image in a new layer (the old files still ship underneath), and a distribution upgrade (`dist-upgrade`, `full-upgrade`, `distro-sync`) can move to package versions the base was never tested with. Security fixes are better taken by rebuilding on a current base image (pinned by digest and bumped by automation). Upgrading named packages only (`apk upgrade openssl`) is not reported; `zypper dist-upgrade` has its own rule.',
    bad: 'FROM debian:12\nRUN apt-get update && apt-get upgrade -y && rm -rf /var/lib/apt/lists/*',
    good: 'FROM debian:12.8\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8 && rm -rf /var/lib/apt/lists/*',
  },
  messages: {
    default:
      '`{command}` upgrades the whole system inside the build: rebuild on a current base image instead',
    dist: '`{command}` can move the image to another release: use a newer base image instead',
  },
  check({ model, report }) {
    for (const pc of packageCommands(model)) {
      if (!SYSTEM.has(pc.family) || (pc.action !== 'upgrade' && pc.action !== 'dist-upgrade')) continue;
      if (pc.family === 'zypper' && pc.action === 'dist-upgrade') continue;
      if (pc.operands.length > 0) continue;
      const dist = pc.action === 'dist-upgrade';
      report({
        span: commandSpan(pc),
        messageId: dist ? 'dist' : 'default',
        severity: dist ? 'warning' : undefined,
        data: { command: [pc.tool, ...pc.subcommandWords.map((w) => w.value)].join(' ') },
      });
    }
  },
});
