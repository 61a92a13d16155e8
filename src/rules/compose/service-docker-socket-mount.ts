import { composeRule } from './lib/define.js';
import { hostMounts, isEngineSocket, normalizeHostPath } from './lib/mounts.js';

export default composeRule({
  id: 'service-docker-socket-mount',
  code: 'DA5008',
  aliases: [],
  severity: 'error',
  category: 'security',
  docs: {
    summary: 'A service mounts the Docker (or containerd, CRI-O, Podman) socket.',
    rationale:
      "Whoever can talk to the engine socket can start a privileged container that mounts the host's root: the socket is root on the host, and `:ro` does not change that (it only stops deleting the socket file). Tools that need it (reverse proxies, CI runners, dashboards) should reach it through a filtering proxy that allows only the calls they make.",
    bad: 'services:\n  proxy:\n    image: traefik:v3.1\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock:ro',
    good: 'services:\n  proxy:\n    image: traefik:v3.1\n    environment:\n      DOCKER_HOST: tcp://socket-proxy:2375',
  },
  messages: {
    default: 'service {service}: mounting {source} gives the container root on the host',
    target: 'service {service}: mounts a host socket at {target}, which gives the container root on the host',
  },
  check({ model, report }) {
    for (const service of model.services)
      for (const m of hostMounts(service)) {
        const source = m.source;
        if (source !== null) {
          if (isEngineSocket(source)) report({ span: m.node.span, data: { service: service.name, source } });
        } else if (isEngineSocket(normalizeHostPath(m.target)))
          report({
            span: m.node.span,
            messageId: 'target',
            data: { service: service.name, target: m.target },
          });
      }
  },
});
