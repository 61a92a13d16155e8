import { dockerfileRule } from '../define.js';
import { commandSpan, packageCommandsOf } from './lib/packages.js';

/** Subcommands apt-get runs the same way (`apt upgrade` also installs new dependencies: left alone). */
const SAME_IN_APT_GET = new Set([
  'install',
  'reinstall',
  'update',
  'remove',
  'purge',
  'autoremove',
  'clean',
  'autoclean',
  'source',
  'build-dep',
  'download',
]);

export default dockerfileRule({
  id: 'apt-instead-of-apt-get',
  code: 'DA2027',
  aliases: ['DL3027'],
  severity: 'warning',
  category: 'reliability',
  fixable: 'suggested',
  docs: {
    summary: '`apt` used in a RUN instead of `apt-get`.',
    rationale:
      '`apt` is the interactive front end: its output and behaviour may change between releases and it warns that it "does not have a stable CLI interface" when used in scripts. `apt-get` (and `apt-cache`) are the stable tools for scripts. The fix renames the command for subcommands apt-get runs the same way; it is a suggestion because `apt install` deletes downloaded .deb files by itself while `apt-get` leaves that to the image\'s docker-clean hook.',
    bad: 'FROM debian:12\nRUN apt update && apt install -y --no-install-recommends curl',
    good: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl',
  },
  messages: {
    default: 'use `apt-get` instead of `apt` in scripts: apt has no stable command-line interface',
  },
  check({ model, report }) {
    for (const pc of packageCommandsOf(model, 'apt')) {
      if (pc.tool !== 'apt') continue;
      const word = pc.cmd.words[0]!;
      const fix =
        pc.subcommand && SAME_IN_APT_GET.has(pc.subcommand) && word.value !== null && word.raw === word.value
          ? [{ start: word.start, end: word.end, text: `${word.value}-get` }]
          : undefined;
      report({ span: commandSpan(pc), fix });
    }
  },
});
