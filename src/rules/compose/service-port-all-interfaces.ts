import { isAllInterfaces } from '../../compose/ports.js';
import { composeRule } from './lib/define.js';
import { databaseOf, publishedPorts } from './lib/ports.js';

export default composeRule({
  id: 'service-port-all-interfaces',
  code: 'DA5011',
  aliases: [],
  severity: 'info',
  category: 'security',
  docs: {
    summary: 'A service publishes a port on every host interface (no host address given).',
    rationale:
      'A port written as `"8080:80"` (or only `"80"`) listens on all interfaces of the host, and Docker\'s own firewall rules let it through ahead of ufw or firewalld. Bind it to the address that needs it, usually `127.0.0.1` behind a reverse proxy. Database ports are reported by service-database-port-published instead.',
    bad: 'services:\n  web:\n    image: example/web:1\n    ports: ["8080:80"]',
    good: 'services:\n  web:\n    image: example/web:1\n    ports: ["127.0.0.1:8080:80"]',
  },
  messages: { default: 'service {service}: port {port} is published on all host interfaces' },
  check({ model, report }) {
    for (const service of model.services)
      for (const port of publishedPorts(service)) {
        if (port.hostIp === 'unknown' || !isAllInterfaces(port.hostIp)) continue;
        if (databaseOf(port, service)) continue;
        const shown =
          port.published === null
            ? `${port.target} (random host port)`
            : port.published === 'unknown'
              ? port.target
              : port.published;
        report({ span: port.node.span, data: { service: service.name, port: shown } });
      }
  },
});
