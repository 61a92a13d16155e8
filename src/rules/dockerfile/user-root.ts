import type { DockerfileAnalysis } from '../../dockerfile/analysis.js';
import type { Instruction } from '../../dockerfile/model.js';
import { dockerfileRule } from '../define.js';

/** `root`, `0`, `root:<group>`, `0:<group>`: hadolint's reading of a root USER. */
export function isRootUser(user: string): boolean {
  return user === 'root' || user === '0' || user.startsWith('root:') || user.startsWith('0:');
}

/** The user a USER instruction names, build arguments substituted when their values are known. */
export function userOf(model: DockerfileAnalysis, inst: Instruction): string {
  const raw = inst.argsText.trim();
  const e = model.expand(raw, inst);
  return e.complete ? e.value.trim() : raw;
}

export default dockerfileRule({
  id: 'user-root',
  code: 'DA3002',
  aliases: ['DL3002'],
  severity: 'warning',
  category: 'security',
  docs: {
    summary: 'The last USER of a stage is root.',
    rationale:
      'A process running as root in a container is root on the host as soon as it escapes (a kernel bug, a mounted socket, a privileged flag). Switch to root only for the steps that need it, then back to an unprivileged user. Each stage is judged on its own, as hadolint does: a stage that ends as root fires even when a later stage switches users. Build arguments in USER are resolved first.',
    bad: 'FROM debian:12\nUSER root\nRUN apt-get update\nCMD ["app"]',
    good: 'FROM debian:12\nUSER root\nRUN apt-get update\nUSER app\nCMD ["app"]',
  },
  messages: {
    default:
      'the last USER of this stage is root ("{user}"): switch to an unprivileged user after the steps that need root',
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      let last: Instruction | null = null;
      for (const inst of stage.instructions) if (inst.keyword === 'USER') last = inst;
      if (!last) continue;
      const user = userOf(model, last);
      if (!isRootUser(user)) continue;
      report({ span: last.argsSpan, data: { user } });
    }
  },
});
