import type { DockerfileAnalysis } from '../../dockerfile/analysis.js';
import type { Instruction } from '../../dockerfile/model.js';
import { mountsOf } from '../../dockerfile/mounts.js';
import { dockerfileRule } from '../define.js';
import { usesBuildkitMounts } from './lib/cleanup.js';
import { commandSpan, type PackageCommand, packageCommands } from './lib/packages.js';

interface CacheKind {
  /** Whether a cache/tmpfs mount target already serves this manager. */
  mounted: (target: string) => boolean;
  mount: string;
  what: string;
  note?: string;
}

const KINDS: Record<string, CacheKind> = {
  pip: {
    mounted: (t) => t.includes('pip') || /\/\.cache\/?$/.test(t),
    mount: '--mount=type=cache,target=/root/.cache/pip',
    what: 'Python packages',
  },
  npm: {
    mounted: (t) => t.includes('npm'),
    mount: '--mount=type=cache,target=/root/.npm',
    what: 'npm packages',
  },
  yarn: {
    mounted: (t) => t.includes('yarn'),
    mount: '--mount=type=cache,target=/usr/local/share/.cache/yarn',
    what: 'npm packages',
  },
  pnpm: {
    mounted: (t) => t.includes('pnpm'),
    mount: '--mount=type=cache,target=/root/.local/share/pnpm/store',
    what: 'npm packages',
  },
  apt: {
    mounted: (t) => t.startsWith('/var/cache/apt') || t.startsWith('/var/lib/apt'),
    mount:
      '--mount=type=cache,target=/var/cache/apt,sharing=locked --mount=type=cache,target=/var/lib/apt,sharing=locked',
    what: 'Debian packages',
  },
  apk: {
    mounted: (t) => t.includes('apk'),
    mount: '--mount=type=cache,target=/var/cache/apk',
    what: 'Alpine packages',
    note: ' (and link /etc/apk/cache to it, without --no-cache)',
  },
  go: {
    mounted: (t) => t.includes('go-build') || t.includes('pkg/mod') || /\/\.cache\/go/.test(t),
    mount: '--mount=type=cache,target=/root/.cache/go-build --mount=type=cache,target=/go/pkg/mod',
    what: 'Go modules and build results',
  },
};

const GO_SUBCOMMANDS = new Set(['build', 'install', 'get', 'mod download', 'test', 'run', 'generate']);

export default dockerfileRule({
  id: 'buildkit-cache-mount',
  code: 'DA2203',
  aliases: [],
  severity: 'info',
  category: 'cache',
  docs: {
    summary:
      'A dependency install without a BuildKit cache mount in a Dockerfile that already uses BuildKit.',
    rationale:
      "When a layer is rebuilt (a manifest changed), pip, npm, yarn, pnpm, apt, apk and go download everything again. A cache mount (`RUN --mount=type=cache,target=…`) keeps their download cache between builds without putting it in the image, which makes rebuilds several times faster. Only files that already use BuildKit (a `# syntax=` directive or `RUN --mount`) are checked, so the suggestion never requires a new builder. The targets shown are for root; use the user's home when the RUN runs as another user.",
    bad: '# syntax=docker/dockerfile:1\nFROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install -r requirements.txt',
    good: '# syntax=docker/dockerfile:1\nFROM python:3.12-slim\nCOPY requirements.txt .\nRUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt',
  },
  messages: {
    default:
      'this RUN downloads {what} again on every rebuild: add `{mount}`{note} to reuse them across builds',
  },
  check({ model, report }) {
    if (!usesBuildkit(model)) return;
    const seen = new Set<string>();
    for (const pc of packageCommands(model)) {
      const kind = kindOf(pc);
      if (!kind) continue;
      const key = `${pc.inst.index}:${pc.inst.onbuild ? 'o' : ''}:${kind}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const spec = KINDS[kind]!;
      if (mountedTargets(model, pc.inst).some(spec.mounted)) continue;
      report({ span: commandSpan(pc), data: { what: spec.what, mount: spec.mount, note: spec.note ?? '' } });
    }
  },
});

function usesBuildkit(model: DockerfileAnalysis): boolean {
  return model.file.directives.some((d) => d.name === 'syntax') || usesBuildkitMounts(model);
}

function kindOf(pc: PackageCommand): string | null {
  switch (pc.family) {
    case 'pip':
      return pc.tool === 'pip' && pc.subcommand === 'install' ? 'pip' : null;
    case 'npm':
    case 'yarn':
    case 'pnpm':
      return pc.action === 'install' ? pc.family : null;
    case 'apt':
      return pc.tool !== 'aptitude' && pc.action === 'install' ? 'apt' : null;
    case 'apk':
      return pc.subcommand === 'add' ? 'apk' : null;
    case 'go':
      return pc.subcommand !== null && GO_SUBCOMMANDS.has(pc.subcommand) ? 'go' : null;
    default:
      return null;
  }
}

function mountedTargets(model: DockerfileAnalysis, inst: Instruction): string[] {
  return mountsOf(inst.flags)
    .filter((m) => (m.type === 'cache' || m.type === 'tmpfs') && m.target !== null)
    .map((m) => model.expand(m.target!, inst).value);
}
