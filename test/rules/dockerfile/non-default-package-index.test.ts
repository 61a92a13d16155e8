import rule from '../../../src/rules/dockerfile/non-default-package-index.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { code: 'FROM python:3.12\nRUN pip install -i https://pypi.org/simple flask==3.0.3\n' },
    { code: 'FROM node:22\nRUN npm config set registry https://registry.npmjs.org/ && npm ci\n' },
    {
      code: 'FROM debian\nRUN sed -i "s/deb.debian.org/ftp.de.debian.org/" /etc/apt/sources.list\n',
      name: 'an official mirror',
    },
    {
      name: 'a vendor repository appended',
      code: 'FROM debian\nRUN echo "deb https://download.docker.com/linux/debian bookworm stable" >> /etc/apt/sources.list\n',
    },
    {
      code: 'FROM debian\nRUN sed -i "s/main/main contrib/" /etc/apt/sources.list\n',
      name: 'no host replaced',
    },
    { code: 'FROM alpine\nRUN apk add --no-cache -X https://nginx.org/packages/alpine/v3.20/main nginx\n' },
  ],
  invalid: [
    {
      name: 'seed 000: pip -i a mirror',
      code: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir \\\n    -i https://pypi.tuna.tsinghua.edu.cn/simple/ \\\n    -r requirements.txt\n',
      errors: [
        {
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 49,
          message:
            'packages come from pypi.tuna.tsinghua.edu.cn (pip -i) instead of pypi.org: the build depends on that mirror being reachable and in sync',
        },
      ],
    },
    {
      name: 'seed 003: a pip.conf written in the build, and an ENV',
      code: 'FROM python:3.10-slim\nRUN mkdir -p /root/.pip \\\n && echo "[global]\\nindex-url = https://pypi.tuna.tsinghua.edu.cn/simple" > /root/.pip/pip.conf\nENV PIP_INDEX_URL=https://mirrors.aliyun.com/pypi/simple\n',
      errors: [
        { line: 3, column: 10, message: /pypi.tuna.tsinghua.edu.cn \(pip configuration\)/ },
        { line: 4, column: 19, endColumn: 57, message: /mirrors.aliyun.com \(PIP_INDEX_URL\)/ },
      ],
    },
    {
      name: 'npm and yarn registries',
      code: 'FROM node:22\nRUN npm config set registry https://registry.npmmirror.com && yarn --registry=https://r.example.cn\n',
      errors: [
        {
          line: 2,
          column: 29,
          message: /registry.npmmirror.com \(npm config\) instead of registry.npmjs.org/,
        },
        { line: 2, column: 68, message: /r.example.cn \(yarn --registry\)/ },
      ],
    },
    {
      name: 'source lists rewritten or replaced',
      code: "FROM alpine\nRUN sed -i 's#dl-cdn.alpinelinux.org#mirrors.ustc.edu.cn#g' /etc/apk/repositories\nFROM debian\nRUN echo 'deb http://mirrors.aliyun.com/debian bookworm main' > /etc/apt/sources.list\n",
      errors: [
        { line: 2, column: 12, message: /mirrors.ustc.edu.cn \(\/etc\/apk\/repositories rewritten by sed\)/ },
        { line: 4, column: 10, message: /mirrors.aliyun.com \(sources.list\) instead of deb.debian.org/ },
      ],
    },
  ],
});
