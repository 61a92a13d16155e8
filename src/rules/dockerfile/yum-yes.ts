import { dockerfileRule } from '../define.js';
import { reportMissingYes, YUM_TOOLS } from './lib/rpm.js';

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
    reportMissingYes(model, YUM_TOOLS, report);
  },
});
