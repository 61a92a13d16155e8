import { dockerfileRule } from '../define.js';
import { parseArgs } from './lib/args.js';
import { commandSpan } from './lib/commands.js';

const SHELLS = new Set(['/bin/sh', '/usr/bin/sh']);

export default dockerfileRule({
  id: 'ln-bin-sh',
  code: 'DA4105',
  aliases: ['DL4005'],
  severity: 'warning',
  category: 'maintainability',
  docs: {
    summary: 'A RUN replaces /bin/sh with a symbolic link to change the shell.',
    rationale:
      'Relinking /bin/sh changes the shell of every script in the image, including the base image\'s maintainer scripts, and hides the choice from readers. `SHELL ["/bin/bash", "-c"]` changes the shell of the Dockerfile\'s own RUN instructions only.',
    bad: 'FROM debian:12\nRUN ln -sf /bin/bash /bin/sh',
    good: 'FROM debian:12\nSHELL ["/bin/bash", "-c"]',
  },
  messages: { default: 'use SHELL to change the default shell instead of relinking /bin/sh' },
  check({ model, report }) {
    for (const { cmd } of model.commandsNamed('ln')) {
      const { positionals } = parseArgs(cmd.args, {
        shortValue: 'St',
        longValue: ['suffix', 'target-directory'],
      });
      const target = positionals[positionals.length - 1];
      if (positionals.length < 2 || !target?.value || !SHELLS.has(target.value)) continue;
      report({ span: commandSpan(cmd) });
    }
  },
});
