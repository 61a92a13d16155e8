import type { ShellWord } from '../../dockerfile/shell-ast.js';
import { dockerfileRule } from '../define.js';
import { commandSpan, hasOpt, type PackageCommand, packageCommandsOf } from './lib/packages.js';
import { SCOPE_MESSAGE, unpinnedReport } from './lib/pins.js';

/** `gem install` switches that take no value; any other long option is read as taking one. */
const SWITCHES = new Set(
  (
    'no-document N document no-ri no-rdoc ri rdoc user-install no-user-install force no-force f local l remote r ' +
    'both b clear-sources conservative minimal-deps pre prerelease no-prerelease E env-shebang no-env-shebang ' +
    'ignore-dependencies development development-all w wrappers no-wrappers vendor default explain lock no-lock ' +
    'suggestions no-suggestions q quiet V verbose no-verbose norc backtrace debug silent update-sources ' +
    'post-install-message no-post-install-message no-http-proxy system'
  ).split(' '),
);

export default dockerfileRule({
  id: 'gem-pin-versions',
  code: 'DA2028',
  aliases: ['DL3028'],
  severity: 'warning',
  category: 'reliability',
  docs: {
    summary: '`gem install` of gems without a version.',
    rationale:
      'An unpinned `gem install bundler` installs the newest release of the day, so rebuilds differ. Pin `bundler:2.5.22` or give `-v 2.5.22` (`--version`). Flags after `--` are build options, not gems.',
    bad: 'FROM ruby:3.3-slim\nRUN gem install bundler',
    good: 'FROM ruby:3.3-slim\nRUN gem install bundler:2.5.22',
  },
  messages: {
    default: 'pin the version of {packages} (`gem install <gem>:<version>`)',
    scope: SCOPE_MESSAGE,
  },
  check({ model, report }) {
    for (const pc of packageCommandsOf(model, 'gem')) {
      if (pc.subcommand !== 'install' || hasOpt(pc, 'v', 'version')) continue;
      const values = optionValues(pc);
      const unpinned = pc.operands.filter(
        (w) => w.value !== null && !values.has(w) && !w.value.includes(':'),
      );
      if (unpinned.length > 0) report({ span: commandSpan(pc), ...unpinnedReport(model, pc, unpinned) });
    }
  },
});

/** Words taken as values of long options gem does not list as switches (`--use-system-libraries true`). */
function optionValues(pc: PackageCommand): Set<ShellWord> {
  const out = new Set<ShellWord>();
  for (const o of pc.options) {
    if (!o.long || o.value !== null || SWITCHES.has(o.name)) continue;
    const next = pc.words[pc.words.indexOf(o.word) + 1];
    if (next && next.value !== null && !next.value.startsWith('-')) out.add(next);
  }
  return out;
}
