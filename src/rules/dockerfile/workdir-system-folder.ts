import type { Instruction } from '../../dockerfile/model.js';
import { dockerfileRule } from '../define.js';
import { rootRefOf, shortName } from './lib/images.js';
import { lineageStages, resolvePath } from './lib/lineage.js';

const SYSTEM_FOLDERS = new Set([
  '/',
  '/bin',
  '/sbin',
  '/boot',
  '/dev',
  '/etc',
  '/lib',
  '/lib32',
  '/lib64',
  '/proc',
  '/root',
  '/run',
  '/sys',
  '/usr',
  '/usr/bin',
  '/usr/sbin',
  '/usr/lib',
  '/usr/local',
  '/usr/share',
  '/var',
  '/var/lib',
  '/home',
]);

/** Official images that set no WORKDIR of their own: without one, relative paths land in `/`. */
const NO_WORKDIR_BASES = new Set([
  'debian',
  'ubuntu',
  'alpine',
  'busybox',
  'python',
  'node',
  'centos',
  'fedora',
  'rockylinux',
  'almalinux',
  'amazonlinux',
  'nginx',
  'eclipse-temurin',
  'openjdk',
]);

export default dockerfileRule({
  id: 'workdir-system-folder',
  code: 'DA3110',
  aliases: [],
  severity: 'warning',
  category: 'security',
  docs: {
    summary:
      'Application files copied straight into a system folder (`WORKDIR /`, `/usr`, `/etc`, `/root`, `/bin` … followed by `COPY … .`).',
    rationale:
      'Application files mixed with the operating system are easy to overwrite by accident (`COPY . .` into `/usr` or `/etc` replaces system files), hard to give to an unprivileged user (you would have to chown a system folder), and invisible to reviewers. Give the application a folder of its own (`WORKDIR /app`). Reported at the WORKDIR when a COPY/ADD into `.` follows it; without any WORKDIR, at the COPY when the base image is known to start in `/` (scratch images, which hold nothing else, are not reported).',
    bad: 'FROM python:3.12-slim\nWORKDIR /usr\nCOPY . .',
    good: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .',
  },
  messages: {
    default:
      'WORKDIR {dir} is a system folder and a COPY below writes application files into it: use a folder of its own such as /app',
    noWorkdir:
      'no WORKDIR: this copies into {dir} (the root folder); set WORKDIR /app (or another folder of its own) first',
  },
  check({ model, report }) {
    const reported = new Set<Instruction>();
    for (const stage of model.stages) {
      let dir: string | null = '/';
      let setBy: Instruction | null = null;
      const stages = lineageStages(model, stage);
      let reportedImplicit = false;
      for (const s of stages) {
        const own = s === stage;
        for (const inst of s.instructions) {
          if (inst.keyword === 'WORKDIR') {
            const e = model.expand(inst.argsText.trim(), inst);
            dir = e.complete && e.value && dir !== null ? resolvePath(dir, e.value) : null;
            setBy = inst;
            continue;
          }
          if (
            !own ||
            (inst.keyword !== 'COPY' && inst.keyword !== 'ADD') ||
            !inst.destination ||
            dir === null
          )
            continue;
          const dest = model.expand(inst.destination, inst);
          // Only a destination that is the folder itself (`.`, `./`) spills files into it; `COPY . lemur`
          // gives the application a folder of its own.
          if (!dest.complete || dest.value.startsWith('/') || !SYSTEM_FOLDERS.has(dir)) continue;
          if (resolvePath(dir, dest.value) !== dir) continue;
          if (setBy) {
            if (reported.has(setBy)) continue;
            reported.add(setBy);
            report({ span: setBy.argsSpan, data: { dir } });
          } else if (!reportedImplicit && dir === '/' && startsInRoot(model, stage)) {
            reportedImplicit = true;
            report({ span: inst.destination.span, messageId: 'noWorkdir', data: { dir } });
          }
        }
      }
    }
  },
});

function startsInRoot(
  model: Parameters<typeof rootRefOf>[0],
  stage: Parameters<typeof rootRefOf>[1],
): boolean {
  const root = rootRefOf(model, stage);
  return (
    root !== 'scratch' &&
    root !== null &&
    (root.official || !root.explicitRegistry) &&
    NO_WORKDIR_BASES.has(shortName(root))
  );
}
