import { dockerfileRule } from '../define.js';
import { commandSpan, hasOpt, packageCommandsOf } from './lib/packages.js';
import { prompts, YUM_TOOLS } from './lib/rpm.js';

export default dockerfileRule({
  id: 'yum-yes',
  code: 'DA2030',
  aliases: ['DL3030'],
  severity: 'warning',
  category: 'reliability',
  fixable: 'safe',
  docs: {
    summary: '`yum install` (or another prompting subcommand) without `-y`.',
    rationale:
      'Without `-y` (`--assumeyes`), yum asks "Is this ok [y/N]" and a build, having no terminal, answers no: the step fails. The fix adds `-y` after the subcommand.',
    bad: 'FROM fedora:40\nRUN yum install httpd-2.4.62 && yum clean all',
    good: 'FROM fedora:40\nRUN yum install -y httpd-2.4.62 && yum clean all',
  },
  messages: { default: 'add -y to `{tool} {subcommand}`: builds cannot answer its prompt' },
  check({ model, report }) {
    for (const pc of packageCommandsOf(model, 'rpm')) {
      if (!YUM_TOOLS.has(pc.tool) || !prompts(pc) || pc.hasUnknownArgs) continue;
      if (hasOpt(pc, 'y', 'assumeyes')) continue;
      const last = pc.subcommandWords[pc.subcommandWords.length - 1]!;
      report({
        span: commandSpan(pc),
        data: { tool: pc.tool, subcommand: pc.subcommandWords.map((w) => w.value).join(' ') },
        fix: pc.expanded.has(last) ? undefined : [{ start: last.end, end: last.end, text: ' -y' }],
      });
    }
  },
});
