import { composeRule } from './lib/define.js';
import { securityOptions } from './lib/security-opt.js';

const UNCONFINED: Record<string, string> = {
  seccomp: 'unconfined',
  apparmor: 'unconfined',
  label: 'disable',
  systempaths: 'unconfined',
};

export default composeRule({
  id: 'service-security-profile-disabled',
  code: 'DA5023',
  aliases: [],
  severity: 'warning',
  category: 'security',
  docs: {
    summary: 'A service turns off seccomp, AppArmor, SELinux labels or masked system paths.',
    rationale:
      '`seccomp:unconfined`, `apparmor:unconfined`, `label:disable` and `systempaths=unconfined` remove the kernel filters that stop a container from using dangerous system calls or host paths. Write a profile that allows the one call the service needs instead.',
    bad: 'services:\n  app:\n    image: example/app:1\n    security_opt: ["seccomp:unconfined"]',
    good: 'services:\n  app:\n    image: example/app:1\n    security_opt: ["seccomp:./seccomp-app.json"]',
  },
  messages: { default: 'service {service}: `{option}` turns off a kernel confinement' },
  check({ model, report }) {
    for (const service of model.services)
      for (const o of securityOptions(service))
        if (UNCONFINED[o.name] === o.value)
          report({ span: o.node.span, data: { service: service.name, option: `${o.name}:${o.value}` } });
  },
});
