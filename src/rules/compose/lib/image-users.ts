import type { ImageRef } from '../../../core/image-ref.js';

/**
 * Who the main process of a well-known image runs as when a service sets no `user`.
 * - `root`: the image sets no USER and its process stays root (nginx and httpd keep a root master).
 * - `drops-root`: the image starts as root but its entrypoint switches to an unprivileged user
 *   (gosu/setpriv) before starting the server, so no `user` is needed.
 * - `non-root`: the image's USER is an unprivileged user.
 * Only images whose Dockerfiles we have checked are listed; any other image is unknown and not reported.
 */
export type DefaultUser = 'root' | 'drops-root' | 'non-root';

const ROOT = [
  'nginx',
  'httpd',
  'node',
  'python',
  'ruby',
  'golang',
  'php',
  'openjdk',
  'eclipse-temurin',
  'amazoncorretto',
  'debian',
  'ubuntu',
  'alpine',
  'busybox',
  'centos',
  'fedora',
  'rockylinux',
  'almalinux',
  'amazonlinux',
  'traefik',
  'caddy',
  'wordpress',
  'registry',
];
const DROPS_ROOT = ['postgres', 'mysql', 'mariadb', 'mongo', 'redis'];
const NON_ROOT_OFFICIAL = ['memcached'];
/** Non-official images by repository (registry included when it is not Docker Hub). */
const NON_ROOT_REPOSITORIES = [
  'grafana/grafana',
  'grafana/grafana-oss',
  'prom/prometheus',
  'prom/alertmanager',
  'prom/node-exporter',
  'jenkins/jenkins',
  'nginxinc/nginx-unprivileged',
  'docker.elastic.co/elasticsearch/elasticsearch',
];

const TABLE = new Map<string, DefaultUser>([
  ...ROOT.map((n) => [n, 'root'] as const),
  ...DROPS_ROOT.map((n) => [n, 'drops-root'] as const),
  ...NON_ROOT_OFFICIAL.map((n) => [n, 'non-root'] as const),
]);

/** The default user of an image, when it is one we know; mirrors of official images count. */
export function defaultUserOfImage(ref: ImageRef): DefaultUser | null {
  if (NON_ROOT_REPOSITORIES.includes(ref.name)) return 'non-root';
  const official = officialName(ref);
  return official ? (TABLE.get(official) ?? null) : null;
}

/** `nginx` for `nginx`, `library/nginx`, `docker.io/library/nginx` and mirrors such as `mirror.example/nginx`. */
export function officialName(ref: ImageRef): string | null {
  if (ref.official) return ref.repository.slice('library/'.length);
  const parts = ref.repository.split('/');
  if (ref.explicitRegistry && parts.length === 1) return parts[0]!;
  if (ref.explicitRegistry && parts.length === 2 && parts[0] === 'library') return parts[1]!;
  return null;
}
