import rule from '../../../src/rules/dockerfile/expose-admin-port.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { code: 'FROM nginx\nEXPOSE 80 443/tcp 8080\n' },
    { code: 'FROM postgres\nEXPOSE 5432\n', name: 'a service port' },
    { code: 'FROM x\nEXPOSE 2200 222 8022\n' },
    { code: 'FROM x\nEXPOSE $PORT\n', name: 'unknown value' },
  ],
  invalid: [
    {
      code: 'FROM debian\nEXPOSE 8080 22\n',
      errors: [
        {
          line: 2,
          column: 13,
          endColumn: 15,
          message:
            'EXPOSE 22 publishes SSH: administer containers with `docker exec` / `kubectl exec`, not an SSH server (unless SSH is the service itself, as in a git server)',
          severity: 'warning',
        },
      ],
    },
    { code: 'FROM debian\nEXPOSE 22/tcp\n', errors: [{ line: 2, column: 8, message: /EXPOSE 22\/tcp/ }] },
    { code: 'FROM docker:dind\nEXPOSE 2375\n', errors: [{ line: 2, column: 8, message: /Docker API/ }] },
    { code: 'FROM x\nEXPOSE 5900-5910\n', errors: [{ line: 2, column: 8, severity: 'info' }] },
    { code: 'ARG SSH_PORT=22\nFROM x\nARG SSH_PORT\nEXPOSE ${SSH_PORT}\n', errors: [{ line: 4, column: 8 }] },
  ],
});
