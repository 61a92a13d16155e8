import type { Node, Service } from '../../../compose/model.js';
import { get, items, knownText, text } from '../../../compose/model.js';
import { parsePort } from '../../../compose/ports.js';

/** A published port; `unknown` parts depend on variables without a value. */
export interface PublishedPort {
  hostIp: string | null | 'unknown';
  /** Host port or range; null when the engine picks one. */
  published: string | null | 'unknown';
  target: string | 'unknown';
  protocol: string;
  node: Node;
}

const UNKNOWN = '\u0000';

function part<T extends string | null>(value: T): T | 'unknown' {
  return value?.includes(UNKNOWN) ? 'unknown' : value;
}

/** The ports a service publishes on the host (short and long syntax). */
export function publishedPorts(service: Service): PublishedPort[] {
  const out: PublishedPort[] = [];
  for (const node of items(service.node.pairs.get('ports')?.value)) {
    if (node.kind === 'scalar') {
      if (node.value === null) continue;
      const spec = parsePort(node.masked ?? String(node.value));
      if (!spec) continue;
      // With no address written, an unknown leading part (`${PORT}:80`, `${PORTS}`) may itself hold one.
      const leading = spec.published ?? spec.target;
      const hostIp = spec.hostIp === null && leading.startsWith(UNKNOWN) ? 'unknown' : part(spec.hostIp);
      out.push({
        hostIp,
        published: part(spec.published === '' ? null : spec.published),
        target: part(spec.target),
        protocol: spec.protocol,
        node,
      });
    } else if (node.kind === 'map') {
      const field = (key: string) => {
        const n = get(node, key);
        if (n?.kind === 'scalar' && n.unresolved?.length) return 'unknown' as const;
        return text(n);
      };
      const target = field('target');
      if (target === null) continue;
      const hostIp = field('host_ip');
      const published = field('published');
      out.push({
        hostIp: hostIp === '' ? null : hostIp,
        published: published === '' ? null : published,
        target,
        protocol: (field('protocol') ?? 'tcp').toLowerCase(),
        node,
      });
    }
  }
  return out;
}

/** Well-known ports of databases, caches and search engines, with the software that uses them. */
export const DATABASE_PORTS = new Map<number, string>([
  [1433, 'SQL Server'],
  [1521, 'Oracle'],
  [2379, 'etcd'],
  [3306, 'MySQL/MariaDB'],
  [5432, 'PostgreSQL'],
  [5984, 'CouchDB'],
  [6379, 'Redis'],
  [7474, 'Neo4j'],
  [7687, 'Neo4j'],
  [8086, 'InfluxDB'],
  [8529, 'ArangoDB'],
  [9042, 'Cassandra'],
  [9200, 'Elasticsearch'],
  [9300, 'Elasticsearch'],
  [11211, 'Memcached'],
  [26257, 'CockroachDB'],
  [27017, 'MongoDB'],
  [27018, 'MongoDB'],
  [28015, 'RethinkDB'],
]);

/** Words in the names of database, cache and search images (`postgres`, `bitnami/redis`, `app-db`…). */
const DATABASE_IMAGE_HINT =
  /postgres|postgis|timescale|mysql|mariadb|percona|mongo|redis|valkey|keydb|dragonfly|elastic|opensearch|couch|neo4j|memgraph|influx|cockroach|cassandra|scylla|mssql|sql|oracle|clickhouse|arango|rethink|etcd|memcache|twemproxy|database|db/i;

/**
 * The database a published port belongs to: its container port is a well-known database port (the host
 * port when the container's is unknown), and the service's image, when known, looks like a database's
 * (ownCloud Infinite Scale serves its web UI on 9200, Elasticsearch's port).
 */
export function databaseOf(port: PublishedPort, service: Service): { name: string; port: number } | null {
  const found = databasePort(port);
  if (!found || service.build) return found;
  const image = knownText(service.node.pairs.get('image')?.value);
  return image !== null && !DATABASE_IMAGE_HINT.test(image) ? null : found;
}

function databasePort(port: PublishedPort): { name: string; port: number } | null {
  for (const p of [port.target, port.published]) {
    if (p === null || p === 'unknown') continue;
    const m = /^(\d+)/.exec(p.trim());
    const n = m ? Number(m[1]) : Number.NaN;
    const name = DATABASE_PORTS.get(n);
    if (name) return { name, port: n };
    if (p === port.target) return null;
  }
  return null;
}
