import rule from '../../../src/rules/dockerfile/pointless-command.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { code: 'FROM debian\nRUN apt-get install -y ssh vim\n', name: 'installed, not run' },
    { code: 'FROM debian\nRUN which ssh && echo top\n' },
    { code: 'FROM debian\nRUN ssh-keyscan github.com >> /root/.ssh/known_hosts\n' },
    { code: 'FROM debian\nRUN ["echo", "kill"]\n' },
    {
      code: 'FROM debian\nRUN service postgresql start && psql -c "select 1"\n',
      name: 'a service the RUN uses',
    },
  ],
  invalid: [
    {
      code: 'FROM debian\nRUN top\n',
      errors: [{ line: 2, column: 5, endColumn: 8, message: '`top` makes no sense in a build step' }],
    },
    { code: 'FROM debian\nONBUILD RUN top\n', errors: [{ line: 2, column: 13 }] },
    {
      name: 'inside a multi-line RUN, through sudo, absolute path',
      code: 'FROM debian\nRUN apt-get update && \\\n    sudo service nginx stop && /bin/ps aux\n',
      errors: [
        { line: 3, column: 10, endColumn: 17, message: /`service`/ },
        { line: 3, column: 32, endColumn: 39, message: /`ps`/ },
      ],
    },
    { code: 'FROM debian\nRUN ["shutdown", "-h", "now"]\n', errors: [{ line: 2, column: 6 }] },
    {
      name: 'a service started last',
      code: 'FROM debian\nRUN apt-get install -y x && service x start\n',
      errors: [{ line: 2, column: 29 }],
    },
  ],
});
