import type { Span } from '../../core/positions.js';
import { dockerfileRule } from '../define.js';
import { parseArgs } from './lib/args.js';

/**
 * Whether a chmod mode gives write access to "others". The sticky bit (`1777`, `+t`) is the usual
 * shared-temp-folder mode and is not reported.
 */
export function isWorldWritable(mode: string): boolean {
  if (/^[0-7]{1,4}$/.test(mode)) {
    const digits = mode.padStart(4, '0');
    const special = Number(digits[0]);
    const others = Number(digits[3]);
    return (others & 2) !== 0 && (special & 1) === 0;
  }
  let writable = false;
  for (const clause of mode.split(',')) {
    const m = /^([ugoa]*)([-+=])([rwxXst]*|[ugo])$/.exec(clause);
    if (!m) return false;
    const [, who, op, perms] = m as unknown as [string, string, string, string];
    if (perms.includes('t')) return false;
    // An empty "who" is masked by the umask (022 by default): others do not get write access.
    const toOthers = who.includes('o') || who.includes('a');
    if (toOthers && op !== '-' && perms.includes('w')) writable = true;
  }
  return writable;
}

export default dockerfileRule({
  id: 'world-writable',
  code: 'DA3106',
  aliases: [],
  severity: 'warning',
  category: 'security',
  docs: {
    summary: 'Files made writable by every user (`chmod 777`, `chmod -R a+w`, `o+w`, `COPY --chmod=777`).',
    rationale:
      'A world-writable file or folder lets any process in the container (including a compromised, unprivileged one) replace code, scripts or configuration that a privileged process later runs. Give ownership to the user that needs to write (`COPY --chown`, `chown`) and keep modes at 755/644. Shared temporary folders with the sticky bit (`1777`) are not reported.',
    bad: 'FROM node:20\nCOPY . /app\nRUN chmod -R 777 /app',
    good: 'FROM node:20\nCOPY --chown=node:node . /app\nRUN chmod -R 755 /app',
  },
  messages: {
    default:
      'mode {mode} makes files writable by every user: give ownership to the user that writes (chown) and use 755/644',
  },
  check({ model, report }) {
    const flag = (span: Span, mode: string) => report({ span, data: { mode } });
    for (const { cmd } of model.commandsNamed('chmod')) {
      const parsed = parseArgs(cmd.args, { longValue: ['reference'] });
      const mode = parsed.positionals[0];
      // `chmod -w file` reads as an option: a removal, never world-writable.
      if (mode?.value && isWorldWritable(mode.value)) flag({ start: mode.start, end: mode.end }, mode.value);
    }
    for (const { cmd } of model.commandsNamed('mkdir', 'install')) {
      const parsed = parseArgs(cmd.args, {
        shortValue: cmd.program === 'install' ? 'mgoSt' : 'm',
        longValue: ['mode', 'owner', 'group', 'context'],
      });
      for (const o of parsed.options) {
        if ((o.name === 'm' || o.name === 'mode') && o.value && isWorldWritable(o.value))
          flag({ start: o.word.start, end: o.word.end }, o.value);
      }
    }
    for (const inst of model.file.instructions) {
      const target = inst.keyword === 'ONBUILD' ? inst.trigger : inst;
      if (!target || (target.keyword !== 'COPY' && target.keyword !== 'ADD')) continue;
      for (const f of target.flags) {
        if (f.name !== 'chmod' || !f.value) continue;
        const e = model.expand(f.value, target);
        if (e.complete && isWorldWritable(e.value)) flag(f.span, e.value);
      }
    }
  },
});
