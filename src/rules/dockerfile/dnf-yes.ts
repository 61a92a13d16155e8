import { dockerfileRule } from '../define.js';
import { DNF_TOOLS, reportMissingYes } from './lib/rpm.js';

export default dockerfileRule({
  id: 'dnf-yes',
  code: 'DA2038',
  aliases: ['DL3038'],
  severity: 'warning',
  category: 'reliability',
  fixable: 'safe',
  docs: {
    summary: '`dnf install` (or another prompting subcommand) without `-y`.',
    rationale:
      'Without `-y` (`--assumeyes`), dnf asks "Is this ok [y/N]" and a build, having no terminal, answers no: the step fails. The fix adds `-y` after the subcommand.',
    bad: 'FROM fedora:40\nRUN dnf install httpd-2.4.62 && dnf clean all',
    good: 'FROM fedora:40\nRUN dnf install -y httpd-2.4.62 && dnf clean all',
  },
  messages: { default: 'add -y to `{tool} {subcommand}`: builds cannot answer its prompt' },
  check({ model, report }) {
    reportMissingYes(model, DNF_TOOLS, report);
  },
});
