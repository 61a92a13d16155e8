import type { ImageRef } from '../../core/image-ref.js';
import type { DockerfileAnalysis } from '../../dockerfile/analysis.js';
import type { CopyInstruction, Instruction } from '../../dockerfile/model.js';
import { dockerfileRule } from '../define.js';
import { isWindowsRef, rootRefOf, shortName } from './lib/images.js';
import { lineageInstructions, normalizePath, resolvePath, workdirAt } from './lib/lineage.js';

/** Top-level folders an operating system (or any base image) may hold: never judged. */
const OS_FOLDERS = new Set([
  'bin',
  'boot',
  'dev',
  'etc',
  'home',
  'lib',
  'lib32',
  'lib64',
  'libx32',
  'media',
  'mnt',
  'opt',
  'proc',
  'root',
  'run',
  'sbin',
  'srv',
  'sys',
  'tmp',
  'usr',
  'var',
]);
/** Official images whose top level is known: the OS folders plus these. */
const KNOWN_IMAGES: Record<string, readonly string[]> = {
  alpine: [],
  debian: [],
  ubuntu: [],
  busybox: [],
  centos: [],
  fedora: [],
  rockylinux: [],
  almalinux: [],
  amazonlinux: [],
  python: [],
  node: [],
  ruby: [],
  php: [],
  perl: [],
  rust: [],
  maven: [],
  gradle: [],
  'eclipse-temurin': [],
  openjdk: [],
  amazoncorretto: [],
  golang: ['go'],
  nginx: ['docker-entrypoint.d'],
  httpd: [],
  redis: ['data'],
  postgres: ['docker-entrypoint-initdb.d'],
  mysql: ['docker-entrypoint-initdb.d'],
  mariadb: ['docker-entrypoint-initdb.d'],
  mongo: ['docker-entrypoint-initdb.d', 'data'],
};

function knownTopLevel(ref: ImageRef | 'scratch' | null): readonly string[] | null {
  if (ref === 'scratch') return [];
  if (ref && isWindowsRef(ref)) return null;
  if (
    !ref ||
    (ref.explicitRegistry && ref.repository.includes('/') && !ref.repository.startsWith('library/'))
  )
    return null;
  if (!ref.official && ref.explicitRegistry === false) return null;
  return KNOWN_IMAGES[shortName(ref)] ?? null;
}

/** A build step that runs a script of its own may write anywhere: then nothing can be concluded. */
function runsOpaqueScript(model: DockerfileAnalysis, inst: Instruction): boolean {
  for (const c of model.commandsOf(inst)?.commands ?? []) {
    const name = c.name ?? '';
    if (name.startsWith('./') || /\.(?:sh|py|pl|rb)$/.test(name)) return true;
    if (
      c.program &&
      /^(?:sh|bash|dash|ash|python\d?|perl|ruby|make)$/.test(c.program) &&
      c.args.some((a) => a.value !== null && !a.value.startsWith('-'))
    )
      return true;
  }
  return false;
}

/** Commands that write only to system folders (or to paths their words name), wherever they run. */
const SYSTEM_COMMANDS = new Set([
  'apt-get',
  'apt',
  'apk',
  'yum',
  'dnf',
  'microdnf',
  'zypper',
  'rpm',
  'dpkg',
  'gem',
  'echo',
  'printf',
  'chmod',
  'chown',
  'ln',
  'mkdir',
  'rm',
  'useradd',
  'groupadd',
  'adduser',
  'addgroup',
  'usermod',
  'sed',
  'set',
  'export',
  'cd',
  'true',
  'locale-gen',
  'ldconfig',
  'update-ca-certificates',
  'apt-key',
  'test',
]);

function onlySystemCommands(model: DockerfileAnalysis, inst: Instruction): boolean {
  for (const c of model.commandsOf(inst)?.commands ?? []) {
    const p = c.program;
    if (!p) return false;
    if (SYSTEM_COMMANDS.has(p)) continue;
    const args = c.args.map((a) => a.value ?? '');
    // Global installs go to /usr/local; a project install would create node_modules here.
    if (
      (p === 'npm' || p === 'yarn' || p === 'pnpm') &&
      args.some((a) => a === '-g' || a === '--global' || a === 'global')
    )
      continue;
    if (
      /^pip\d?(?:\.\d+)?$/.test(p) &&
      !args.some((a) => /^(?:-t|--target|--prefix|--root|-d|--dest|download|wheel)/.test(a))
    )
      continue;
    return false;
  }
  return true;
}

/**
 * Whether anything in a stage's lineage may create the top-level folder `top`: an absolute mention
 * anywhere, a relative one where the working directory is `/` (or unknown), a script that could
 * write anywhere.
 */
function mayCreate(model: DockerfileAnalysis, stage: number, top: string): boolean {
  const name = top.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const absolute = new RegExp(`(?:^|[^A-Za-z0-9_.-])/${name}(?:$|[^A-Za-z0-9_-])`);
  const relative = new RegExp(`(?:^|[^A-Za-z0-9_./-])${name}(?:$|[^A-Za-z0-9_-])`);
  for (const inst of lineageInstructions(model, stage)) {
    const texts = [
      inst.argsText,
      ...inst.heredocs.map((h) => h.body),
      ...inst.flags.map((f) => f.value ?? ''),
    ];
    if (texts.some((t) => absolute.test(t))) return true;
    const inRoot = () => {
      const dir = workdirAt(model, inst);
      return dir === null || dir === '/';
    };
    switch (inst.keyword) {
      case 'RUN':
        // In `/`, downloads, archives, clones and project installs create names no word shows.
        if (runsOpaqueScript(model, inst) || (inRoot() && !onlySystemCommands(model, inst))) return true;
        break;
      case 'COPY':
      case 'ADD': {
        // A folder, an archive or a git repository copied into `/` spreads unknown names there.
        const dest = inst.destination ? model.expand(inst.destination, inst) : null;
        const dir = workdirAt(model, inst);
        if (!dest?.complete || dir === null || resolvePath(dir, dest.value) === '/') return true;
        if (relative.test(inst.argsText) && inRoot()) return true;
        break;
      }
      case 'WORKDIR':
        if (relative.test(inst.argsText) && inRoot()) return true;
        break;
      case 'ENV':
      case 'ARG':
      case 'VOLUME':
        if (relative.test(inst.argsText)) return true;
        break;
      default:
        break;
    }
  }
  return false;
}

export default dockerfileRule({
  id: 'copy-from-missing-path',
  code: 'DA4202',
  aliases: [],
  severity: 'error',
  category: 'correctness',
  docs: {
    summary: 'COPY --from=<stage> of a path that nothing in that stage creates (when that can be known).',
    rationale:
      'A COPY --from path is read from the root of the other stage, not from its WORKDIR: copying `/app/dist` from a stage that builds in `/src` fails with "not found" only when the image is built, often in CI. Reported only when the whole source stage can be read: its base is scratch or an official Linux image whose top-level folders are known, the path lies outside the operating-system folders, no instruction of the stage (WORKDIR, COPY, ADD, ENV, a RUN command or mount) mentions its top folder, no RUN works in `/` or runs a script of its own, and nothing is copied into `/`.',
    bad: 'FROM node:20 AS build\nWORKDIR /src\nCOPY . .\nRUN npm ci && npm run build\nFROM nginx:1.27-alpine\nCOPY --from=build /app/dist /usr/share/nginx/html',
    good: 'FROM node:20 AS build\nWORKDIR /src\nCOPY . .\nRUN npm ci && npm run build\nFROM nginx:1.27-alpine\nCOPY --from=build /src/dist /usr/share/nginx/html',
  },
  messages: {
    default:
      'COPY --from={from} {path}: nothing in stage {from} creates /{top}{hint}; the build will fail with "not found"',
  },
  check({ model, report }) {
    for (const deps of model.stageGraph.dependencies) {
      for (const dep of deps) {
        if (dep.kind !== 'copy' || dep.stage === null || !dep.complete) continue;
        const copy = dep.instruction as CopyInstruction;
        const known = knownTopLevel(rootRefOf(model, dep.stage));
        if (!known) continue;
        for (const source of copy.sources) {
          const e = model.expand(source, copy);
          if (!e.complete || /[*?[\]$]/.test(e.value) || e.value.startsWith('<<')) continue;
          const path = resolvePath('/', e.value);
          const top = normalizePath(path).split('/')[1];
          if (!top || OS_FOLDERS.has(top) || known.includes(top)) continue;
          if (mayCreate(model, dep.stage, top)) continue;
          const workdir = lineageInstructions(model, dep.stage)
            .filter((i) => i.keyword === 'WORKDIR')
            .pop();
          const hint = workdir
            ? ` (its WORKDIR is ${model.expand(workdir.argsText.trim(), workdir).value})`
            : '';
          report({ span: source.span, data: { from: dep.reference, path: e.value, top, hint } });
        }
      }
    }
  },
});
