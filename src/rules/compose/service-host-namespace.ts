import { knownText, pairOf } from '../../compose/model.js';
import { composeRule } from './lib/define.js';

const KEYS: Record<string, string> = {
  network_mode: "the host's network stack (every host port and interface, no isolation)",
  pid: "the host's processes (it can see and signal them)",
  ipc: "the host's shared memory and IPC",
  uts: "the host's hostname",
  userns_mode: "the host's user namespace (user namespace remapping is off for it)",
  cgroup: "the host's cgroup namespace",
};

export default composeRule({
  id: 'service-host-namespace',
  code: 'DA5010',
  aliases: [],
  severity: 'warning',
  category: 'security',
  docs: {
    summary:
      'A service shares a host namespace: `network_mode`, `pid`, `ipc`, `uts`, `userns_mode` or `cgroup` set to `host`.',
    rationale:
      'Host namespaces remove the isolation between the container and the host: with the host network the service listens on every host interface and reaches services bound to localhost; with the host PID namespace it can inspect and signal every process. Publish ports and share namespaces with one service (`service:name`) instead.',
    bad: 'services:\n  app:\n    image: example/app:1\n    network_mode: host',
    good: 'services:\n  app:\n    image: example/app:1\n    ports: ["127.0.0.1:8080:8080"]',
  },
  messages: { default: 'service {service}: `{key}: host` shares {what}' },
  check({ model, report }) {
    for (const service of model.services)
      for (const [key, what] of Object.entries(KEYS)) {
        const p = pairOf(service.node, key);
        if (p && knownText(p.value)?.trim().toLowerCase() === 'host')
          report({ span: p.value.span, data: { service: service.name, key, what } });
      }
  },
});
