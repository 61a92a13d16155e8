import { dockerfileRule } from '../define.js';
import { commandSpan, hasOpt, packageCommandsOf } from './lib/packages.js';

/** Subcommands that ask for confirmation. */
const PROMPTING = new Set([
  'install',
  'remove',
  'source-install',
  'patch',
  'update',
  'dist-upgrade',
  'install-new-recommends',
]);

export default dockerfileRule({
  id: 'zypper-non-interactive',
  code: 'DA2034',
  aliases: ['DL3034'],
  severity: 'warning',
  category: 'reliability',
  fixable: 'safe',
  docs: {
    summary: '`zypper install` (or another prompting subcommand) without a non-interactive switch.',
    rationale:
      "zypper asks for confirmation before changing packages; a build has no terminal to answer, so the step fails or hangs. Use the global `-n` (`--non-interactive`) or the command's `-y` (`--no-confirm`). The fix adds `-n` right after `zypper`, which every subcommand accepts.",
    bad: 'FROM opensuse/leap:15.6\nRUN zypper install httpd=2.4.58 && zypper clean --all',
    good: 'FROM opensuse/leap:15.6\nRUN zypper -n install httpd=2.4.58 && zypper clean --all',
  },
  messages: { default: 'add -n (or -y) to `zypper {subcommand}`: builds cannot answer its prompt' },
  check({ model, report }) {
    for (const pc of packageCommandsOf(model, 'zypper')) {
      if (!pc.subcommand || !PROMPTING.has(pc.subcommand) || pc.hasUnknownArgs) continue;
      if (hasOpt(pc, 'n', 'non-interactive', 'y', 'no-confirm')) continue;
      const at = pc.toolWord.end;
      report({
        span: commandSpan(pc),
        data: { subcommand: pc.subcommandWords[0]!.value! },
        fix: [{ start: at, end: at, text: ' -n' }],
      });
    }
  },
});
