import { isAllInterfaces } from '../../compose/ports.js';
import { composeRule } from './lib/define.js';
import { databaseOf, publishedPorts } from './lib/ports.js';

export default composeRule({
  id: 'service-database-port-published',
  code: 'DA5013',
  aliases: [],
  severity: 'warning',
  category: 'security',
  docs: {
    summary: 'A database, cache or search engine port is published on every host interface.',
    rationale:
      'Databases published as `"5432:5432"` are reachable from any network the host is on (Docker\'s rules bypass the host firewall); exposed Redis, MongoDB and Elasticsearch instances are a classic source of breaches. Other services reach the database over the compose network without any `ports`; for local tools, bind to `127.0.0.1`.',
    bad: 'services:\n  db:\n    image: postgres:16\n    ports: ["5432:5432"]',
    good: 'services:\n  db:\n    image: postgres:16\n    ports: ["127.0.0.1:5432:5432"]',
  },
  messages: { default: 'service {service}: {database} port {port} is published on all host interfaces' },
  check({ model, report }) {
    for (const service of model.services)
      for (const port of publishedPorts(service)) {
        if (port.hostIp === 'unknown' || !isAllInterfaces(port.hostIp)) continue;
        const db = databaseOf(port, service);
        if (db)
          report({ span: port.node.span, data: { service: service.name, database: db.name, port: db.port } });
      }
  },
});
