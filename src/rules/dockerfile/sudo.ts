import { dockerfileRule } from '../define.js';

export default dockerfileRule({
  id: 'sudo',
  code: 'DA3004',
  aliases: ['DL3004'],
  severity: 'error',
  category: 'security',
  docs: {
    summary: '`sudo` used in a RUN instruction.',
    rationale:
      'A build step already runs as the current USER; `sudo` adds a setuid binary to the image, needs a TTY or a sudoers entry, and behaves differently across distributions. Run the step as root (`USER root` … `USER app`) instead; to drop privileges at run time use `gosu` or `su-exec`.',
    bad: 'FROM debian:12\nUSER app\nRUN sudo apt-get update',
    good: 'FROM debian:12\nUSER root\nRUN apt-get update\nUSER app',
  },
  messages: { default: 'do not use sudo in a build: switch USER for the steps that need root' },
  check({ model, report }) {
    for (const { cmd } of model.commandsNamed('sudo'))
      report({ span: { start: cmd.start, end: cmd.words[0]!.end } });
  },
});
