import rule from '../../../src/rules/dockerfile/pip-no-cache-dir.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { code: 'FROM python:3.12\nRUN pip install --no-cache-dir -r requirements.txt\n' },
    { code: 'FROM python:3.12\nRUN pip --no-cache-dir install flask\n' },
    { code: 'FROM python:3.12\nENV PIP_NO_CACHE_DIR=1\nRUN pip install flask\n' },
    { code: 'FROM python:3.12\nARG PIP_NO_CACHE_DIR=on\nRUN pip install flask\n' },
    { code: 'FROM python:3.12\nRUN PIP_NO_CACHE_DIR=true pip install flask\n' },
    { code: 'FROM python:3.12\nRUN export PIP_NO_CACHE_DIR=yes && pip install flask\n' },
    { code: 'FROM python:3.12\nRUN pip config set global.no-cache-dir true\nRUN pip install flask\n' },
    {
      code: 'FROM python:3.12\nRUN printf "[global]\\nno-cache-dir = 1\\n" > /etc/pip.conf && pip install flask\n',
    },
    { code: 'FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache/pip pip install flask\n' },
    {
      code: 'FROM python:3.12\nRUN --mount=type=cache,target=/home/app/.cache/pip,uid=1000 pip install flask\n',
    },
    {
      code: 'FROM python:3.12 AS base\nENV PIP_NO_CACHE_DIR=1\nFROM base\nRUN pip install six\n',
      name: 'inherited ENV',
    },
    {
      name: 'a builder stage only copied from',
      code: 'FROM python:3.12 AS build\nRUN pip install --user -r requirements.txt\nFROM python:3.12-slim\nCOPY --from=build /root/.local /root/.local\n',
    },
    { code: 'FROM python:3.12\nRUN pipx install black==24.8.0\n', name: 'pipx is not pip' },
    {
      code: 'FROM python:3.12\nRUN pip install -r r.txt && rm -rf /root/.cache/pip/*\n',
      name: 'cache removed',
    },
    {
      code: 'FROM python:3.12\nRUN pip install -r r.txt && rm -rf ~/.cache\n',
      name: 'all of ~/.cache removed',
    },
  ],
  invalid: [
    {
      code: 'FROM python:3.12\nRUN pip install -r requirements.txt\n',
      errors: [
        {
          line: 2,
          column: 5,
          endColumn: 16,
          message:
            'add --no-cache-dir to `pip install` (or mount a cache on ~/.cache/pip): the download cache stays in the layer',
        },
      ],
      output: 'FROM python:3.12\nRUN pip install --no-cache-dir -r requirements.txt\n',
    },
    {
      name: 'ENV of an unrelated stage does not count; python -m pip',
      code: 'FROM python:3.12 AS a\nENV PIP_NO_CACHE_DIR=1\nFROM python:3.12\nRUN python -m pip install six\n',
      errors: [{ line: 4, column: 5, endColumn: 26 }],
      output:
        'FROM python:3.12 AS a\nENV PIP_NO_CACHE_DIR=1\nFROM python:3.12\nRUN python -m pip install --no-cache-dir six\n',
    },
    {
      name: 'a falsy value still disables the cache, but reads the other way',
      code: 'FROM python:3.12\nENV PIP_NO_CACHE_DIR=false\nRUN pip install six\n',
      errors: [
        {
          line: 3,
          column: 5,
          message:
            'PIP_NO_CACHE_DIR=false still turns the cache off (pip does so for any value): write PIP_NO_CACHE_DIR=1 so the file says what happens',
        },
      ],
    },
    {
      name: 'a cache mount elsewhere; a removal before the install',
      code: 'FROM python:3.12\nRUN --mount=type=cache,target=/var/cache/foo pip install six\n',
      errors: [{ line: 2, column: 46 }],
      output:
        'FROM python:3.12\nRUN --mount=type=cache,target=/var/cache/foo pip install --no-cache-dir six\n',
    },
  ],
});
