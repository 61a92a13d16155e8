import rule from '../../../src/rules/dockerfile/expose-invalid-format.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { code: 'FROM alpine\nEXPOSE 80 443/tcp 8000-8010/udp\n' },
    { code: 'FROM alpine\nARG PORT\nEXPOSE $PORT\n', name: 'unknown value' },
  ],
  invalid: [
    {
      code: 'FROM alpine\nEXPOSE 127.0.0.1:80:80\n',
      errors: [
        {
          line: 2,
          column: 8,
          endColumn: 23,
          message:
            'EXPOSE 127.0.0.1:80:80 names an IP address and a host port: EXPOSE declares only the container port (80); publish with `docker run -p`',
        },
      ],
      output: 'FROM alpine\nEXPOSE 80\n',
    },
    {
      code: 'FROM alpine\nEXPOSE 80 8080:80/udp [::1]:53:53\n',
      errors: [
        {
          line: 2,
          column: 11,
          endColumn: 22,
          message: /EXPOSE 8080:80\/udp maps a host port: .*\(80\/udp\)/,
        },
        { line: 2, column: 23, message: /names an IP address/ },
      ],
      output: 'FROM alpine\nEXPOSE 80 80/udp 53\n',
    },
    {
      name: 'through a variable: reported, not fixed',
      code: 'FROM alpine\nARG MAP=8080:80\nEXPOSE $MAP\n',
      errors: [{ line: 3, column: 8, endColumn: 12, message: /EXPOSE 8080:80 maps a host port/ }],
    },
  ],
});
