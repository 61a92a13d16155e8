import rule from '../../../src/rules/dockerfile/chown-after-copy.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { code: 'FROM x\nCOPY --chown=app:app . /app\n' },
    { code: 'FROM x\nCOPY . /app\nRUN chown -R app:app /data\n', name: 'another path' },
    { code: 'FROM x\nCOPY . /app\nRUN make\nRUN chown -R app /app\n', name: 'not right after' },
    { code: 'FROM x\nCOPY . /app\nRUN chown app /app\n', name: 'not recursive on a folder' },
    { code: 'FROM x\nCOPY . /app\nRUN chown -R --from=root app /app\n' },
    { code: 'FROM x\nCOPY . /app\nRUN test -d /app || chown -R app /app\n', name: 'conditional' },
  ],
  invalid: [
    {
      code: 'FROM node:20\nWORKDIR /app\nCOPY . /app\nRUN chown -R node:node /app\nUSER node\n',
      errors: [
        {
          line: 4,
          column: 5,
          endColumn: 28,
          message:
            '`chown -R node:node` right after COPY stores the copied files a second time: copy them with `COPY --chown=node:node` instead',
        },
      ],
      output: 'FROM node:20\nWORKDIR /app\nCOPY --chown=node:node . /app\nUSER node\n',
    },
    {
      name: 'relative paths resolved against WORKDIR; first command of a chain',
      code: 'FROM x\nWORKDIR /srv\nCOPY --from=build /out ./\nRUN chown -R 1000:1000 . && \\\n    chmod +x run.sh\n',
      errors: [{ line: 4, column: 5 }],
      output: 'FROM x\nWORKDIR /srv\nCOPY --chown=1000:1000 --from=build /out ./\nRUN chmod +x run.sh\n',
    },
    {
      name: 'no fix when commands before the chown may write into the folder',
      code: 'FROM x\nCOPY . /srv/app\nRUN cd /srv/app && yarn add grunt && chown -R app:app /srv/app\n',
      errors: [{ line: 3, column: 38 }],
    },
    {
      name: 'a single file needs no -R',
      code: 'FROM x\nCOPY entrypoint.sh /entrypoint.sh\nRUN chown app /entrypoint.sh\n',
      errors: [{ line: 3, column: 5, message: /^`chown app` right after COPY/ }],
      output: 'FROM x\nCOPY --chown=app entrypoint.sh /entrypoint.sh\n',
    },
    {
      name: 'Dockerfile variables are kept',
      code: 'FROM x\nARG UID=1000\nCOPY . /app\nRUN chown -R ${UID}:${UID} /app\n',
      errors: [{ line: 4, column: 5, message: /\$\{UID\}:\$\{UID\}/ }],
      output: 'FROM x\nARG UID=1000\nCOPY --chown=${UID}:${UID} . /app\n',
    },
    {
      name: 'old user.group spelling',
      code: 'FROM x\nADD conf /etc/app\nRUN chown -R app.app /etc/app\n',
      errors: [{ line: 3, column: 5, message: /ADD --chown=app:app/ }],
      output: 'FROM x\nADD --chown=app:app conf /etc/app\n',
    },
    {
      name: 'a chown to root is only removed',
      code: 'FROM x\nCOPY nginx.conf /etc/nginx/nginx.conf\nRUN chown root:root /etc/nginx/nginx.conf && nginx -t\n',
      errors: [
        {
          line: 3,
          column: 5,
          message:
            'COPY already creates root-owned files: `chown root:root` right after it only stores them a second time; remove it',
        },
      ],
      output: 'FROM x\nCOPY nginx.conf /etc/nginx/nginx.conf\nRUN nginx -t\n',
    },
    {
      name: 'no fix for shell variables or several paths',
      code: 'FROM x\nCOPY . /app\nRUN chown -R $(id -u) /app /data\n',
      errors: [{ line: 3, column: 5 }],
    },
  ],
});
