import { dockerfileRule } from '../define.js';
import { hasOption, parseArgs } from './lib/args.js';

/** apt-get subcommands that ask for confirmation. */
const PROMPTING = new Set([
  'install',
  'upgrade',
  'dist-upgrade',
  'full-upgrade',
  'remove',
  'purge',
  'autoremove',
  'build-dep',
]);

export default dockerfileRule({
  id: 'apt-get-yes',
  code: 'DA2014',
  aliases: ['DL3014'],
  severity: 'warning',
  category: 'reliability',
  fixable: 'safe',
  docs: {
    summary: '`apt-get install` (and other prompting subcommands) without `-y`.',
    rationale:
      'A build has no terminal to answer apt-get\'s "Do you want to continue?" prompt: without `-y` the step aborts as soon as a package pulls in a dependency. `-qq` also implies `-y`.',
    bad: 'FROM debian:12\nRUN apt-get update && apt-get install curl',
    good: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl',
  },
  messages: { default: 'add -y to `apt-get {subcommand}`: builds cannot answer its prompt' },
  check({ model, report }) {
    for (const { cmd } of model.commandsNamed('apt-get')) {
      const parsed = parseArgs(cmd.args, {
        shortValue: 'ocet',
        longValue: ['option', 'config-file', 'target-release', 'default-release'],
      });
      const sub = parsed.positionals[0];
      if (!sub?.value || !PROMPTING.has(sub.value)) continue;
      if (hasOption(parsed, 'y', 'yes', 'assume-yes', 'force-yes')) continue;
      // -qq (quiet level 2) implies -y.
      const quiet = parsed.options.filter((o) => o.name === 'q').length;
      if (quiet >= 2 || parsed.options.some((o) => (o.name === 'q' || o.name === 'quiet') && o.value === '2'))
        continue;
      report({
        span: { start: cmd.words[0]!.start, end: sub.end },
        data: { subcommand: sub.value },
        fix: [{ start: sub.end, end: sub.end, text: ' -y' }],
      });
    }
  },
});
