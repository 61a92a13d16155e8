import rule from '../../../src/rules/dockerfile/pipe-to-shell.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { code: 'FROM debian\nRUN curl -fsSL https://x/k.gpg | gpg --dearmor -o /usr/share/keyrings/x.gpg\n' },
    { code: 'FROM debian\nRUN curl -fsSLo /tmp/i.sh https://x/i.sh && sha256sum -c sums && sh /tmp/i.sh\n' },
    { code: 'FROM debian\nRUN wget -qO- https://x/a.tar.gz | tar xz -C /opt\n' },
    {
      code: 'FROM debian\nRUN curl -s https://x | sh -c "cat > /tmp/out"\n',
      name: 'sh -c does not read stdin as a script',
    },
    { code: 'FROM debian\nRUN cat install.sh | sh\n', name: 'a local file' },
    { code: 'FROM debian\nRUN echo "$(curl -s https://x/version)"\n' },
    {
      code: 'FROM debian\nRUN curl -s https://x | python3 -c "import json,sys; print(json.load(sys.stdin))"\n',
    },
  ],
  invalid: [
    {
      code: 'FROM debian\nRUN curl -fsSL https://get.example.com | sh\n',
      errors: [
        {
          line: 2,
          column: 5,
          endColumn: 44,
          message: 'curl output is run by sh unverified: download to a file, check its SHA-256, then run it',
        },
      ],
    },
    {
      code: 'FROM debian\nRUN apt-get update && \\\n    wget -O- https://x/setup | sudo -E bash - && \\\n    apt-get install -y nodejs\n',
      errors: [{ line: 3, column: 5, message: /wget output is run by bash/ }],
    },
    {
      code: 'FROM debian\nRUN curl -sL https://x/i.py | python3\n',
      errors: [{ line: 2, column: 5, message: /python3/ }],
    },
    {
      code: 'FROM debian\nRUN sh -c "$(curl -fsSL https://raw.example.com/install.sh)"\n',
      errors: [{ line: 2, column: 5, message: /curl output is run by sh/ }],
    },
    { code: 'FROM debian\nRUN bash <(curl -s https://x/i.sh)\n', errors: [{ line: 2, column: 5 }] },
    {
      code: 'FROM debian\nRUN curl -s https://x | bash -s -- --version 2\n',
      errors: [{ line: 2, column: 5 }],
    },
    { code: 'FROM debian\nONBUILD RUN curl https://x | sh\n', errors: [{ line: 2, column: 13 }] },
  ],
});
