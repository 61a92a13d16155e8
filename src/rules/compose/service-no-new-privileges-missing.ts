import { composeRule } from './lib/define.js';
import { hasNoNewPrivileges } from './lib/security-opt.js';
import { keySpanOr } from './lib/services.js';

export default composeRule({
  id: 'service-no-new-privileges-missing',
  code: 'DA5006',
  aliases: [],
  severity: 'info',
  category: 'security',
  docs: {
    summary: 'A service does not set `security_opt: [no-new-privileges:true]`.',
    rationale:
      "Without it, a process in the container can gain privileges through setuid or setgid binaries (su, sudo, a planted binary). With it, the kernel refuses privilege gains for the container's processes; entrypoints that step down from root (gosu, setpriv) keep working.",
    bad: 'services:\n  api:\n    image: example/api:3',
    good: 'services:\n  api:\n    image: example/api:3\n    security_opt:\n      - no-new-privileges:true',
  },
  messages: { default: 'service {service}: add `security_opt: [no-new-privileges:true]`' },
  check({ model, report }) {
    for (const service of model.services)
      if (!hasNoNewPrivileges(service))
        report({ span: keySpanOr(service, 'security_opt'), data: { service: service.name } });
  },
});
