import { dockerfileRule } from '../define.js';
import { hasNoShell, isServerImage, rootRefOf, shortName } from './lib/images.js';
import { lastInLineage, lineageInstructions } from './lib/lineage.js';

/** Programs that serve the network when they are the container's command. */
const SERVERS = new Set([
  'gunicorn',
  'uvicorn',
  'hypercorn',
  'daphne',
  'waitress-serve',
  'nginx',
  'httpd',
  'apache2ctl',
  'apachectl',
  'apache2-foreground',
  'caddy',
  'traefik',
  'haproxy',
  'php-fpm',
  'puma',
  'unicorn',
  'catalina.sh',
  'redis-server',
  'postgres',
  'mysqld',
  'mongod',
  'envoy',
  'streamlit',
]);

/** A probe written with what each base family already has, for the advice (no curl needed). */
function probeFor(base: string): string {
  if (base === 'python' || base === 'pypy')
    return 'python -c "import urllib.request; urllib.request.urlopen(\'http://localhost:PORT/health\')"';
  if (base === 'node')
    return "node -e \"require('http').get('http://localhost:PORT/health', r => process.exit(r.statusCode < 400 ? 0 : 1))\"";
  if (base === 'nginx' || base === 'httpd' || base === 'caddy')
    return 'wget -q --spider http://localhost/ || exit 1';
  return '<a command the image already has: pg_isready, redis-cli ping, wget -q --spider http://localhost:PORT/ …>';
}

export default dockerfileRule({
  id: 'missing-healthcheck',
  code: 'DA4205',
  aliases: [],
  severity: 'info',
  category: 'reliability',
  docs: {
    summary:
      'A service image (EXPOSE, a server command or a server base image) whose final stage has no HEALTHCHECK.',
    rationale:
      'Without a health check, Docker, compose and Swarm only know whether the process exists: a server that hangs, deadlocks or loses its database stays "up". The seeds add one to every service image, written with the runtime the image already has (`python -c "urllib.request.urlopen(…)"`, `node -e …`, `wget --spider` on Alpine) rather than installing curl for it. Not reported for scratch, distroless and other shell-less bases, for images that are not services, or when a HEALTHCHECK (even NONE) is set. Unlike hadolint\'s off-by-default DL3057, this judges only the final stage of a service.',
    bad: 'FROM python:3.12-slim\nCOPY . /app\nEXPOSE 8000\nCMD ["gunicorn", "-b", "0.0.0.0:8000", "app:app"]',
    good: 'FROM python:3.12-slim\nCOPY . /app\nEXPOSE 8000\nHEALTHCHECK --interval=30s --timeout=5s CMD python -c "import urllib.request; urllib.request.urlopen(\'http://localhost:8000/health\')"\nCMD ["gunicorn", "-b", "0.0.0.0:8000", "app:app"]',
  },
  messages: {
    default:
      'this service image has no HEALTHCHECK ({why}): nothing notices when it hangs; add one, e.g. HEALTHCHECK CMD {probe}',
  },
  check({ model, report }) {
    const final = model.finalStage;
    if (!final?.from.image) return;
    const root = rootRefOf(model, final);
    if (root === null || root === 'scratch' || hasNoShell(root)) return;
    const insts = lineageInstructions(model, final);
    if (insts.some((i) => i.keyword === 'HEALTHCHECK')) return;
    let why: string | null = null;
    const expose = insts.find((i) => i.keyword === 'EXPOSE');
    if (expose?.keyword === 'EXPOSE') why = `EXPOSE ${expose.items.map((w) => w.value).join(' ')}`;
    if (!why)
      for (const keyword of ['ENTRYPOINT', 'CMD'] as const) {
        const inst = lastInLineage(model, final, keyword);
        const server =
          (inst && model.commandsOf(inst)?.commands.find((c) => c.program && SERVERS.has(c.program))) ?? null;
        if (server) {
          why = `it runs ${server.program}`;
          break;
        }
      }
    if (!why && isServerImage(root)) why = `${shortName(root)} serves`;
    if (!why) return;
    report({ span: final.from.image.span, data: { why, probe: probeFor(shortName(root)) } });
  },
});
