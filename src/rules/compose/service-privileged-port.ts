import { firstPort } from '../../compose/ports.js';
import { composeRule } from './lib/define.js';
import { publishedPorts } from './lib/ports.js';

export default composeRule({
  id: 'service-privileged-port',
  code: 'DA5012',
  aliases: [],
  severity: 'info',
  category: 'security',
  enabledByDefault: false,
  docs: {
    summary: 'A service publishes a privileged host port (below 1024).',
    rationale:
      'Ports below 1024 are reserved for root: a rootful engine binds them through its root proxy, but a rootless engine (Docker rootless, Podman) cannot unless the host lowers `net.ipv4.ip_unprivileged_port_start`, and such ports usually belong to system services. Publish an unprivileged port (8080, 8443) and let a reverse proxy or load balancer own 80 and 443. Off by default: on the corpus every hit was a reverse proxy on 80/443 or a protocol server on its standard port (DNS, syslog, LDAP…), which are deliberate.',
    bad: 'services:\n  web:\n    image: example/web:1\n    ports: ["80:8080"]',
    good: 'services:\n  web:\n    image: example/web:1\n    ports: ["8080:8080"]',
  },
  messages: { default: 'service {service}: host port {port} is a privileged port (below 1024)' },
  check({ model, report }) {
    for (const service of model.services)
      for (const port of publishedPorts(service)) {
        if (port.published === null || port.published === 'unknown') continue;
        const n = firstPort(port.published);
        if (n !== null && n > 0 && n < 1024)
          report({ span: port.node.span, data: { service: service.name, port: n } });
      }
  },
});
