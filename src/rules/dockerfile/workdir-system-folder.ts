import type { Instruction } from '../../dockerfile/model.js';
import { dockerfileRule } from '../define.js';
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
      'Application files mixed with the operating system are easy to overwrite by accident (`COPY . .` into `/usr` or `/etc` replaces system files), hard to give to an unprivileged user (you would have to chown a system folder), and invisible to reviewers. Give the application a folder of its own (`WORKDIR /app`). Reported at the WORKDIR when a COPY/ADD into `.` follows it. A relative COPY with no WORKDIR at all is `copy-relative-no-workdir` (DL3045).',
    bad: 'FROM python:3.12-slim\nWORKDIR /usr\nCOPY . .',
    good: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .',
  },
  messages: {
    default:
      'WORKDIR {dir} is a system folder and a COPY below writes application files into it: use a folder of its own such as /app',
  },
  check({ model, report }) {
    const reported = new Set<Instruction>();
    for (const stage of model.stages) {
      let dir: string | null = '/';
      let setBy: Instruction | null = null;
      const stages = lineageStages(model, stage);
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
          }
        }
      }
    }
  },
});
