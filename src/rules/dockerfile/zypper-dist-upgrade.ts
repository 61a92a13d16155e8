import { dockerfileRule } from '../define.js';
import { commandSpan, packageCommandsOf } from './lib/packages.js';

export default dockerfileRule({
  id: 'zypper-dist-upgrade',
  code: 'DA2035',
  aliases: ['DL3035'],
  severity: 'warning',
  category: 'reliability',
  docs: {
    summary: '`zypper dist-upgrade` (`dup`) in a Dockerfile.',
    rationale:
      "A distribution upgrade inside a build can move the image to other major package versions, or to another release, than the base image was tested with, and it duplicates most of the base image's files in a new layer. Use a newer base image instead; `zypper update`/`patch` for security fixes is a separate, milder choice.",
    bad: 'FROM opensuse/leap:15.6\nRUN zypper -n dist-upgrade',
    good: 'FROM opensuse/leap:15.6\nRUN zypper -n patch && zypper clean --all',
  },
  messages: { default: 'do not run `zypper {subcommand}` in a build: use a newer base image' },
  check({ model, report }) {
    for (const pc of packageCommandsOf(model, 'zypper'))
      if (pc.subcommand === 'dist-upgrade')
        report({ span: commandSpan(pc), data: { subcommand: pc.subcommandWords[0]!.value! } });
  },
});
