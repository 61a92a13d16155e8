import { dockerfileRule } from '../define.js';

/** Interactive, service-management and host-inspection programs that do nothing useful in a build step. */
const POINTLESS = ['free', 'ifconfig', 'kill', 'mount', 'ps', 'service', 'shutdown', 'ssh', 'top', 'vim'];

export default dockerfileRule({
  id: 'pointless-command',
  code: 'DA4001',
  aliases: ['DL3001'],
  severity: 'info',
  category: 'maintainability',
  docs: {
    summary:
      'A RUN uses a command that makes no sense in a build: ssh, vim, shutdown, service, ps, free, top, kill, mount, ifconfig.',
    rationale:
      'A build step has no terminal, no running services and no init system: an editor waits for input, `service x start` starts something that is gone when the step ends, and `ps`, `top` or `free` only describe the throw-away build container. Such commands are leftovers from interactive sessions. Starting a service that the rest of the same RUN uses (`service postgresql start && psql …`) is not reported.',
    bad: 'FROM debian:12\nRUN service nginx start',
    good: 'FROM debian:12\nCMD ["nginx", "-g", "daemon off;"]',
  },
  messages: { default: '`{command}` makes no sense in a build step' },
  check({ model, report }) {
    for (const { cmd } of model.commandsNamed(...POINTLESS)) {
      // `service postgresql start && psql …`: the service is used by the rest of the RUN.
      if (cmd.program === 'service' && cmd.opAfter !== null && cmd.opAfter !== '|' && cmd.opAfter !== '&') {
        const action = cmd.args[1]?.value;
        if (action === 'start' || action === 'restart') continue;
      }
      const name = cmd.words[0]!;
      report({ span: { start: name.start, end: name.end }, data: { command: cmd.program ?? name.raw } });
    }
  },
});
