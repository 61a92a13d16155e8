import { dockerfileRule } from '../define.js';
import { commandSpan, hasOpt, packageCommandsOf } from './lib/packages.js';

/** apt-get subcommands that ask for confirmation. */
const PROMPTING = new Set([
  'install',
  'reinstall',
  'upgrade',
  'dist-upgrade',
  'full-upgrade',
  'remove',
  'purge',
  'autoremove',
  'auto-remove',
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
      'A build has no terminal to answer apt-get\'s "Do you want to continue?" prompt: without `-y` the step aborts as soon as a package pulls in a dependency. Quiet level 2 (`-qq`, `-q=2`, `--quiet --quiet`) also implies `-y`. Options that come from a build argument (`apt-get install $APT_OPTS curl`) are read from its value; when that value is unknown the command is not judged.',
    bad: 'FROM debian:12\nRUN apt-get update && apt-get install curl',
    good: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl',
  },
  messages: { default: 'add -y to `apt-get {subcommand}`: builds cannot answer its prompt' },
  check({ model, report }) {
    for (const pc of packageCommandsOf(model, 'apt')) {
      if (pc.tool !== 'apt-get' || pc.hasUnknownArgs) continue;
      const sub = pc.subcommandWords[0];
      if (!sub?.value || !PROMPTING.has(sub.value)) continue;
      if (hasOpt(pc, 'y', 'yes', 'assume-yes', 'force-yes')) continue;
      if (quietLevel(pc.options) >= 2 || assumeYesOption(pc.options)) continue;
      const fixable = !pc.expanded.has(sub);
      report({
        span: commandSpan(pc),
        data: { subcommand: sub.value },
        fix: fixable ? [{ start: sub.end, end: sub.end, text: ' -y' }] : undefined,
      });
    }
  },
});

/** `-o APT::Get::Assume-Yes=true` */
function assumeYesOption(options: readonly { name: string; value: string | null }[]): boolean {
  return options.some(
    (o) =>
      (o.name === 'o' || o.name === 'option') && /^APT::Get::Assume-Yes=(?:1|true|yes)$/i.test(o.value ?? ''),
  );
}

/** apt's quiet level: each -q adds one, `-q=N`/`--quiet=N` sets it. */
function quietLevel(options: readonly { name: string; value: string | null }[]): number {
  let level = 0;
  for (const o of options) {
    if (o.name !== 'q' && o.name !== 'quiet') continue;
    if (o.value !== null && /^\d+$/.test(o.value)) level = Number(o.value);
    else level++;
  }
  return level;
}
