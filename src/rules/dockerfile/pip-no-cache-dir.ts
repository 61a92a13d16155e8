import type { DockerfileAnalysis } from '../../dockerfile/analysis.js';
import type { Instruction } from '../../dockerfile/model.js';
import { dockerfileRule } from '../define.js';
import { hasCacheMount, instructionsBefore, removes, stageShips } from './lib/cleanup.js';
import { commandSpan, hasOpt, optValue, type PackageCommand, packageCommandsOf } from './lib/packages.js';
import { envValue, resolvedValue } from './lib/shell-values.js';

const TRUTHY = /^(?:y|yes|t|true|on|1)$/i;
const FALSY = /^(?:n|no|f|false|off|0)$/i;
/** ~/.cache/pip (or all of ~/.cache), and pip's old ~/.pip/cache, for any user. */
const PIP_CACHE_PATH = /(?:^|\/)\.cache(?:\/pip)?(?:\/\*?)?$|(?:^|\/)\.pip\/cache(?:\/\*?)?$/;
const CONFIGURED = /no[-_]cache[-_]dir["'\s]*[=\s]["'\s]*\w/i;

export default dockerfileRule({
  id: 'pip-no-cache-dir',
  code: 'DA2042',
  aliases: ['DL3042'],
  severity: 'warning',
  category: 'size',
  fixable: 'safe',
  docs: {
    summary: '`pip install` that keeps its download cache in the image.',
    rationale:
      'pip caches every downloaded wheel under ~/.cache/pip; in an image layer that cache is dead weight, often as large as the installed packages. Use `pip install --no-cache-dir`, set `PIP_NO_CACHE_DIR` (ENV, ARG or inline), run `pip config set global.no-cache-dir true`, delete ~/.cache/pip in the same RUN, or keep the cache out of the layer with a BuildKit cache mount on ~/.cache/pip (which also speeds up rebuilds). pip disables its cache for any boolean value of PIP_NO_CACHE_DIR, even `0` or `false`; such a value is reported because it reads as the opposite of what happens. Only stages whose files ship are checked. The fix adds `--no-cache-dir`.',
    bad: 'FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install -r requirements.txt',
    good: 'FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt',
  },
  messages: {
    default:
      'add --no-cache-dir to `pip install` (or mount a cache on ~/.cache/pip): the download cache stays in the layer',
    falsy:
      'PIP_NO_CACHE_DIR={value} still turns the cache off (pip does so for any value): write PIP_NO_CACHE_DIR=1 so the file says what happens',
  },
  check({ model, report }) {
    for (const pc of packageCommandsOf(model, 'pip')) {
      if (pc.tool !== 'pip' || pc.subcommand !== 'install' || hasOpt(pc, 'no-cache-dir')) continue;
      if (!stageShips(model, pc.inst) || cacheMounted(model, pc)) continue;
      const env = envSetting(model, pc);
      if (env !== undefined) {
        if (env !== null && FALSY.test(env))
          report({ span: commandSpan(pc), messageId: 'falsy', data: { value: env } });
        if (env === null || TRUTHY.test(env) || FALSY.test(env)) continue;
      }
      if (configured(model, pc.inst)) continue;
      if (removes(model, pc.inst, (p) => PIP_CACHE_PATH.test(p), pc.cmd.start)) continue;
      const sub = pc.subcommandWords[0]!;
      report({
        span: commandSpan(pc),
        fix: pc.expanded.has(sub) ? undefined : [{ start: sub.end, end: sub.end, text: ' --no-cache-dir' }],
      });
    }
  },
});

function cacheMounted(model: DockerfileAnalysis, pc: PackageCommand): boolean {
  const dirs = ['/root/.cache/pip'];
  const user = model.scopeOf(pc.inst).get('HOME');
  if (user) dirs.push(`${user}/.cache/pip`);
  const cacheDir = optValue(pc, 'cache-dir') ?? model.scopeOf(pc.inst).get('PIP_CACHE_DIR');
  if (cacheDir) dirs.push(cacheDir);
  if (hasCacheMount(model, pc.inst, dirs)) return true;
  // A cache mount on any user's ~/.cache/pip (the RUN may run as another user).
  return pc.inst.flags.some(
    (f) =>
      f.name === 'mount' &&
      /\/\.cache(?:\/pip)?\/?(?:,|$)/.test(f.value ?? '') &&
      /type=(?:cache|tmpfs)/.test(f.value ?? ''),
  );
}

/**
 * PIP_NO_CACHE_DIR for this command: inline (`PIP_NO_CACHE_DIR=1 pip …`), exported earlier in the RUN,
 * or from ENV/ARG. undefined when unset, null when set to an unknown value.
 */
function envSetting(model: DockerfileAnalysis, pc: PackageCommand): string | null | undefined {
  const inline = pc.cmd.assignments.find((a) => a.name === 'PIP_NO_CACHE_DIR');
  if (inline) return inline.value ? resolvedValue(model, pc.inst, inline.value) : '';
  for (const c of model.commandsOf(pc.inst)?.commands ?? []) {
    if (c.start >= pc.cmd.start || c.program !== 'export') continue;
    for (const a of c.args) {
      const m = /^PIP_NO_CACHE_DIR=(.*)$/.exec(a.value ?? a.text);
      if (m) return a.value === null ? null : m[1]!;
    }
  }
  const v = envValue(model, pc.inst, 'PIP_NO_CACHE_DIR');
  return v === '' ? undefined : v;
}

/** `pip config set global.no-cache-dir …` or a pip.conf with `no-cache-dir =` written here or earlier. */
function configured(model: DockerfileAnalysis, inst: Instruction): boolean {
  const text = model.file.text;
  for (const i of [...instructionsBefore(model, inst), inst]) {
    const run =
      i.keyword === 'RUN' ? i : i.keyword === 'ONBUILD' && i.trigger?.keyword === 'RUN' ? i.trigger : null;
    if (run && CONFIGURED.test(text.slice(run.span.start, run.span.end))) return true;
  }
  return false;
}
