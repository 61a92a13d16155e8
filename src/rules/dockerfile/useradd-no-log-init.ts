import { dockerfileRule } from '../define.js';
import { hasOption, optionValue, parseArgs } from './lib/args.js';
import { resolveArgs } from './lib/shell-values.js';

export default dockerfileRule({
  id: 'useradd-no-log-init',
  code: 'DA2046',
  aliases: ['DL3046'],
  severity: 'warning',
  category: 'size',
  fixable: 'safe',
  docs: {
    summary: '`useradd` with a high UID and without `-l` (`--no-log-init`).',
    rationale:
      'useradd records each user in /var/log/lastlog and /var/log/faillog, sparse files indexed by UID. A high UID (six digits and more) makes them gigabytes long, and image layers do not keep files sparse: the layer balloons. `-l` skips those databases, which containers do not use. UIDs from build arguments are read from their value.',
    bad: 'FROM debian:12\nRUN useradd -u 123456 app',
    good: 'FROM debian:12\nRUN useradd -l -u 123456 app',
  },
  messages: { default: 'add -l to `useradd`: UID {uid} makes the lastlog and faillog files huge' },
  check({ model, report }) {
    for (const { inst, cmd } of model.commandsNamed('useradd')) {
      const { words, unknown } = resolveArgs(model, inst, cmd.args);
      const parsed = parseArgs(words, {
        shortValue: 'bcdefgGkKpsuRPZ',
        longValue: [
          'base-dir',
          'comment',
          'home-dir',
          'expiredate',
          'inactive',
          'gid',
          'groups',
          'skel',
          'key',
          'password',
          'shell',
          'uid',
          'root',
          'prefix',
          'selinux-user',
        ],
      });
      if (hasOption(parsed, 'l', 'no-log-init')) continue;
      const uid = optionValue(parsed, 'u', 'uid');
      if (uid === null || !/^\d{6,}$/.test(uid) || (unknown && !words.some((w) => w.value === uid))) continue;
      const name = cmd.words[0]!;
      report({
        span: { start: name.start, end: name.end },
        data: { uid },
        fix: [{ start: name.end, end: name.end, text: ' -l' }],
      });
    }
  },
});
