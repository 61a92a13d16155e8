import { dockerfileRule } from '../define.js';
import { hasCacheMount, stageShips } from './lib/cleanup.js';
import { commandSpan, hasOpt, packageCommandsOf } from './lib/packages.js';

export default dockerfileRule({
  id: 'apk-no-cache',
  code: 'DA2019',
  aliases: ['DL3019'],
  severity: 'info',
  category: 'size',
  fixable: 'safe',
  docs: {
    summary: '`apk add` without `--no-cache`.',
    rationale:
      '`apk add --no-cache` fetches a fresh package index and leaves neither it nor the packages in /var/cache/apk, so no `apk update` or `rm -rf /var/cache/apk/*` is needed and nothing stale ships in the layer. A BuildKit cache mount on /var/cache/apk (or /etc/apk/cache) also satisfies the rule. Only stages whose files ship are checked: the final stage and stages others are built FROM. The fix adds `--no-cache`.',
    bad: 'FROM alpine:3.20\nRUN apk add curl=8.12.1-r0',
    good: 'FROM alpine:3.20\nRUN apk add --no-cache curl=8.12.1-r0',
  },
  messages: { default: 'add --no-cache to `apk add`: the package index stays in /var/cache/apk' },
  check({ model, report }) {
    for (const pc of packageCommandsOf(model, 'apk')) {
      if (pc.subcommand !== 'add' || pc.hasUnknownArgs || hasOpt(pc, 'no-cache')) continue;
      if (!stageShips(model, pc.inst) || hasCacheMount(model, pc.inst, ['/var/cache/apk', '/etc/apk/cache']))
        continue;
      const sub = pc.subcommandWords[0]!;
      report({
        span: commandSpan(pc),
        fix: pc.expanded.has(sub) ? undefined : [{ start: sub.end, end: sub.end, text: ' --no-cache' }],
      });
    }
  },
});
