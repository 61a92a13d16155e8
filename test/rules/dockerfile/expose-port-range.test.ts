import rule from '../../../src/rules/dockerfile/expose-port-range.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { code: 'FROM nginx\nEXPOSE 60000\n' },
    { code: 'FROM nginx\nEXPOSE ${FOOBAR}\n', name: 'unknown variable' },
    { code: 'FROM nginx\nEXPOSE 40000-60000/tcp 53/udp 9/SCTP 0 65535\n' },
    { code: 'FROM nginx\nEXPOSE 40000-${FOOBAR}\n', name: 'range with an unknown end' },
    { code: 'FROM nginx\nARG PORT=8080\nEXPOSE $PORT\n' },
  ],
  invalid: [
    {
      code: 'FROM nginx\nEXPOSE 80000\n',
      errors: [{ line: 2, column: 8, endColumn: 13, message: 'port 80000 is outside the range 0-65535' }],
    },
    { code: 'FROM nginx\nEXPOSE 80 40000-80000/tcp\n', errors: [{ line: 2, column: 11, endColumn: 26 }] },
    {
      name: 'resolved build argument, ONBUILD trigger',
      code: 'FROM nginx\nARG PORT=70000\nEXPOSE ${PORT}/udp\nONBUILD EXPOSE 99999\n',
      errors: [
        { line: 3, column: 8, message: /70000/ },
        { line: 4, column: 16 },
      ],
    },
    {
      name: 'malformed items',
      code: 'FROM nginx\nEXPOSE 80/http abc 90-80\n',
      errors: [
        {
          line: 2,
          column: 8,
          message: '"80/http" is not a port: write PORT, PORT-PORT, optionally /tcp, /udp or /sctp',
        },
        { line: 2, column: 16 },
        { line: 2, column: 20 },
      ],
    },
  ],
});
