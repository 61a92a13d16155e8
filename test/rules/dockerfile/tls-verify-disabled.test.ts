import rule from '../../../src/rules/dockerfile/tls-verify-disabled.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { code: 'FROM x\nRUN curl -fsSLo /tmp/k https://x/k && wget -q https://x/y\n' },
    { code: 'FROM x\nRUN curl -H "X-k: 1" -o k https://x\n', name: 'k inside option values' },
    { code: 'FROM x\nRUN pip install -i https://pypi.example.com/simple/ app\n' },
    {
      code: 'FROM x\nRUN pip install --index-url http://localhost:3141/simple app\n',
      name: 'an index on the build machine',
    },
    { code: 'FROM x\nRUN npm config set registry https://registry.npmmirror.com\n' },
    { code: 'FROM x\nENV NODE_TLS_REJECT_UNAUTHORIZED=1 GIT_SSL_NO_VERIFY=false\n' },
    { code: 'FROM x\nRUN git config --global http.sslVerify true\n' },
    { code: 'FROM x\nRUN apt-get install -y --no-install-recommends curl\n' },
    {
      code: 'FROM alpine\nRUN apk index --allow-untrusted -o /tmp/APKINDEX.tar.gz /tmp/pkgs/*.apk\n',
      name: 'local index',
    },
  ],
  invalid: [
    {
      name: 'seed 000: pip --trusted-host',
      code: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir \\\n    -i https://pypi.tuna.tsinghua.edu.cn/simple/ \\\n    --trusted-host pypi.tuna.tsinghua.edu.cn \\\n    -r requirements.txt\n',
      errors: [
        {
          line: 4,
          column: 5,
          endColumn: 19,
          message:
            'pip --trusted-host turns off TLS certificate verification: whoever sits between the build and the server can swap what it downloads',
        },
      ],
    },
    {
      code: 'FROM x\nRUN curl -fsSLk https://x/i.sh -o i.sh\n',
      errors: [{ line: 2, column: 10, message: /^curl -k/ }],
    },
    { code: 'FROM x\nRUN curl --insecure -o a https://x\n', errors: [{ line: 2, column: 10 }] },
    { code: 'FROM x\nRUN wget --no-check-certificate https://x/a\n', errors: [{ line: 2, column: 10 }] },
    {
      code: 'FROM x\nRUN python3 -m pip install --index-url=http://mirror.example.com/simple x\n',
      errors: [{ line: 2, column: 28 }],
    },
    { code: 'FROM x\nRUN npm config set strict-ssl false && npm ci\n', errors: [{ line: 2, column: 20 }] },
    {
      code: 'FROM x\nRUN yarn config set registry http://registry.example.com\n',
      errors: [{ line: 2, column: 30 }],
    },
    {
      code: 'FROM x\nENV NODE_TLS_REJECT_UNAUTHORIZED=0\n',
      errors: [{ line: 2, column: 5, message: /^ENV NODE_TLS_REJECT_UNAUTHORIZED turns off TLS/ }],
    },
    {
      code: 'FROM x\nENV GIT_SSL_NO_VERIFY=1 PYTHONHTTPSVERIFY=0\n',
      errors: [
        { line: 2, column: 5 },
        { line: 2, column: 25 },
      ],
    },
    {
      code: 'FROM x\nRUN GIT_SSL_NO_VERIFY=true git clone https://x/r.git\n',
      errors: [{ line: 2, column: 5, endColumn: 27 }],
    },
    {
      code: 'FROM x\nRUN git -c http.sslVerify=false clone https://x/r.git\n',
      errors: [{ line: 2, column: 12 }],
    },
    { code: 'FROM x\nRUN git config --global http.sslverify false\n', errors: [{ line: 2, column: 25 }] },
    {
      code: 'FROM x\nRUN export NODE_TLS_REJECT_UNAUTHORIZED=0 && npm ci\n',
      errors: [{ line: 2, column: 12 }],
    },
    {
      code: 'FROM alpine\nRUN apk add --allow-untrusted /tmp/glibc.apk\n',
      errors: [{ line: 2, column: 13, message: /package signature verification/ }],
    },
    { code: 'FROM x\nRUN yum install -y --nogpgcheck x\n', errors: [{ line: 2, column: 20 }] },
    {
      code: 'FROM x\nRUN echo "deb [trusted=yes] http://repo.example.com/ ./" > /etc/apt/sources.list.d/x.list\n',
      errors: [{ line: 2, column: 10 }],
    },
    {
      code: 'FROM x\nRUN ssh -o StrictHostKeyChecking=no git@github.com\n',
      errors: [{ line: 2, column: 12, message: /SSH host key/ }],
    },
    { code: 'FROM x\nENV PIP_TRUSTED_HOST=mirrors.aliyun.com\n', errors: [{ line: 2, column: 5 }] },
    { code: 'FROM x\nENV REQUESTS_CA_BUNDLE=""\n', errors: [{ line: 2, column: 5 }] },
  ],
});
