import rule from '../../../src/rules/dockerfile/expose-proto-casing.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [{ code: 'FROM alpine\nEXPOSE 80 53/udp 9000/sctp\n' }],
  invalid: [
    {
      code: 'FROM alpine\nEXPOSE 53/UDP 80/Tcp\n',
      errors: [
        {
          line: 2,
          column: 11,
          endColumn: 14,
          message: 'protocol "UDP" in EXPOSE 53/UDP should be lowercase: "udp"',
        },
        { line: 2, column: 18, endColumn: 21 },
      ],
      output: 'FROM alpine\nEXPOSE 53/udp 80/tcp\n',
    },
    {
      name: 'through a variable: reported on the item, not fixed',
      code: 'FROM alpine\nARG P=TCP\nEXPOSE 80/$P\n',
      errors: [{ line: 3, column: 8, endColumn: 13, message: /"TCP" in EXPOSE 80\/TCP/ }],
    },
  ],
});
