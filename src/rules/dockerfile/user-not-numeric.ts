import { dockerfileRule } from '../define.js';
import { expandKnown, withTriggers } from './lib/instructions.js';

export default dockerfileRule({
  id: 'user-not-numeric',
  code: 'DA3066',
  aliases: ['DL3066'],
  severity: 'info',
  category: 'security',
  docs: {
    summary: 'USER with a user or group name instead of a numeric id.',
    rationale:
      "Kubernetes' `runAsNonRoot` can only verify a numeric user: with a name the pod is refused (or the check is skipped), and a name depends on the image's /etc/passwd. Use `USER 10001:10001`. Build arguments are resolved; a user from an argument without a known value is not reported.",
    bad: 'FROM node:20\nUSER node',
    good: 'FROM node:20\nUSER 1000:1000',
  },
  messages: { default: 'use a numeric user (and group) id instead of "{user}"' },
  check({ model, report }) {
    for (const inst of withTriggers(model.file.instructions)) {
      if (inst.keyword !== 'USER' || inst.argsText.length === 0) continue;
      const e = expandKnown(model, inst.argsText, inst.onbuild ?? inst);
      if (!e.complete || e.value === '') continue;
      if (e.value.split(':').every((part) => /^\d+$/.test(part))) continue;
      report({ span: inst.argsSpan, data: { user: e.value } });
    }
  },
});
