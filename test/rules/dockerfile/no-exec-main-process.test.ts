import rule from '../../../src/rules/dockerfile/no-exec-main-process.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { code: 'FROM x\nCMD ["gunicorn", "app:app"]\n' },
    { code: 'FROM x\nCMD ["sh", "-c", "exec gunicorn --workers $W app:app"]\n' },
    { code: 'FROM x\nCMD ["bash", "-c", "gunicorn app:app"]\n', name: 'bash execs a lone command itself' },
    { code: 'FROM x\nCMD gunicorn app:app\n', name: 'one shell-form command: the JSON-arguments rule' },
    { code: 'FROM x\nCMD cd /app && exec node server.js\n' },
    {
      code: 'FROM x\nCMD ["sh", "-c", "trap \'kill $P\' TERM; node a & P=$!; wait"]\n',
      name: 'handles signals',
    },
    { code: 'FROM x\nCMD ["sh", "-c", "echo done"]\n', name: 'no long-running process' },
    { code: 'FROM x\nCMD ["/docker-entrypoint.sh"]\n' },
    {
      code: 'FROM x\nSHELL ["pwsh", "-Command"]\nCMD Start-Service x; Wait-Event\n',
      name: 'not a POSIX shell',
    },
    { code: 'FROM x\nCMD ["sh", "-c", "a && b"]\nCMD ["b"]\n', name: 'only the last CMD counts' },
  ],
  invalid: [
    {
      name: 'seed 003: gunicorn under sh -c',
      code: 'FROM python:3.10-slim\nCMD ["sh", "-c", "gunicorn --bind 0.0.0.0:5000 --workers ${WORKERS} app:app"]\n',
      errors: [
        {
          line: 2,
          column: 19,
          endColumn: 27,
          message:
            'CMD runs `gunicorn` under sh -c without exec: the shell stays PID 1 and does not pass SIGTERM on; start it with `exec gunicorn`',
        },
      ],
      output:
        'FROM python:3.10-slim\nCMD ["sh", "-c", "exec gunicorn --bind 0.0.0.0:5000 --workers ${WORKERS} app:app"]\n',
    },
    {
      code: 'FROM x\nENTRYPOINT ["/bin/bash", "-ec", "cd /app && node server.js"]\n',
      errors: [{ line: 2, column: 45, message: /ENTRYPOINT runs `node` under bash -c/ }],
      output: 'FROM x\nENTRYPOINT ["/bin/bash", "-ec", "cd /app && exec node server.js"]\n',
    },
    {
      name: 'shell form with several commands',
      code: 'FROM x\nCMD python manage.py migrate && \\\n    gunicorn app.wsgi\n',
      errors: [{ line: 3, column: 5, message: /under the shell form/ }],
      output: 'FROM x\nCMD python manage.py migrate && \\\n    exec gunicorn app.wsgi\n',
    },
    {
      name: 'behind tini',
      code: 'FROM x\nENTRYPOINT ["tini", "--", "sh", "-c", "setup; nginx -g \'daemon off;\'"]\n',
      errors: [{ line: 2, column: 47 }],
      output: 'FROM x\nENTRYPOINT ["tini", "--", "sh", "-c", "setup; exec nginx -g \'daemon off;\'"]\n',
    },
    {
      name: 'no fix when the last command is in a pipeline',
      code: 'FROM x\nCMD ["sh", "-c", "app | tee /log"]\n',
      errors: [{ line: 2, column: 25, message: /runs `tee`/ }],
    },
    {
      name: 'no fix with assignments before the command',
      code: 'FROM x\nCMD ["sh", "-c", "PORT=80 node s.js"]\n',
      errors: [{ line: 2, column: 27 }],
    },
    {
      name: 'each stage judges its own last CMD',
      code: 'FROM x AS dev\nCMD ["sh", "-c", "npm run dev"]\nFROM x\nCMD ["node", "s.js"]\n',
      errors: [{ line: 2, column: 19 }],
      output: 'FROM x AS dev\nCMD ["sh", "-c", "exec npm run dev"]\nFROM x\nCMD ["node", "s.js"]\n',
    },
  ],
});
