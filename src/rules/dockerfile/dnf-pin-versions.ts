import { dockerfileRule } from '../define.js';
import { SCOPE_MESSAGE } from './lib/pins.js';
import { DNF_TOOLS, reportUnpinnedRpm } from './lib/rpm.js';

export default dockerfileRule({
  id: 'dnf-pin-versions',
  code: 'DA2041',
  aliases: ['DL3041'],
  severity: 'warning',
  category: 'reliability',
  docs: {
    summary: '`dnf install` of packages without a version.',
    rationale:
      'Without `name-version` dnf installs whatever the repositories hold on the day of the build, so rebuilds of one commit differ. Pin `httpd-2.4.62` (a version after the last `-` that starts with a digit: `python3-devel` is a name, not a pin), a `.rpm` file, or a module stream (`dnf module install nodejs:20`). Versions held in build arguments (`git-core-${GIT_VERSION}`) count as pins. Groups are not versioned and are not checked.',
    bad: 'FROM fedora:40\nRUN dnf install -y tomcat && dnf clean all',
    good: 'FROM fedora:40\nRUN dnf install -y tomcat-10.1.24 && dnf clean all',
  },
  messages: {
    default: 'pin the version of {packages} (`{tool} install <package>-<version>`)',
    module: 'pin the stream of {packages} (`{tool} module install <module>:<stream>`)',
    scope: SCOPE_MESSAGE,
  },
  check({ model, report }) {
    reportUnpinnedRpm(model, DNF_TOOLS, report);
  },
});
