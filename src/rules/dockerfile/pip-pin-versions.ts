import { dockerfileRule } from '../define.js';
import { pipPinned } from './lib/package-versions.js';
import { commandSpan, hasOpt, packageCommandsOf } from './lib/packages.js';
import { SCOPE_MESSAGE, unpinnedReport } from './lib/pins.js';

export default dockerfileRule({
  id: 'pip-pin-versions',
  code: 'DA2013',
  aliases: ['DL3013'],
  severity: 'warning',
  category: 'reliability',
  docs: {
    summary: '`pip install` (or `pipx install`) of packages without a version.',
    rationale:
      'An unpinned `pip install flask` installs the newest release of the day, so rebuilds of one commit can differ or break. Pin with a specifier (`flask==3.0.3`), install from a requirements or constraints file (`-r requirements.txt`, `-c constraints.txt`), or from a VCS URL with a ref (`git+https://…/x.git@v1.2`). Local folders, archives and URLs count as pinned. Specifiers from build arguments (`"flask==${FLASK_VERSION}"`, `$PACKAGES`) are judged by their value.',
    bad: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir flask',
    good: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir flask==3.0.3',
  },
  messages: {
    default:
      'pin the version of {packages} (`{tool} install <package>==<version>`) or install from a requirements file',
    scope: SCOPE_MESSAGE,
  },
  check({ model, report }) {
    for (const pc of packageCommandsOf(model, 'pip')) {
      if (pc.subcommand !== 'install') continue;
      if (hasOpt(pc, 'r', 'requirement', 'c', 'constraint')) continue;
      if (pc.operands.some((w) => w.value === '.')) continue;
      const unpinned = pc.operands.filter((w) => w.value !== null && !pipPinned(w.value));
      if (unpinned.length > 0) report({ span: commandSpan(pc), ...unpinnedReport(model, pc, unpinned) });
    }
  },
});
