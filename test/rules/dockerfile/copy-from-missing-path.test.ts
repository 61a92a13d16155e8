import rule from '../../../src/rules/dockerfile/copy-from-missing-path.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    {
      code: 'FROM node:20 AS build\nWORKDIR /app\nRUN npm run build\nFROM nginx\nCOPY --from=build /app/dist /usr/share/nginx/html\n',
    },
    {
      code: 'FROM golang:1.22 AS b\nRUN go build -o /out/app .\nFROM scratch\nCOPY --from=b /out/app /app\n',
      name: 'a RUN writes it',
    },
    {
      code: 'FROM python:3.12 AS b\nRUN pip install x\nFROM python:3.12-slim\nCOPY --from=b /usr/local/lib/python3.12 /usr/local/lib/python3.12\n',
      name: 'OS folder',
    },
    {
      code: 'FROM golang:1.22 AS b\nFROM alpine\nCOPY --from=b /go/bin/x /x\n',
      name: 'a folder of the base image',
    },
    { code: 'FROM acme/builder:1 AS b\nFROM alpine\nCOPY --from=b /app/x /x\n', name: 'unknown base image' },
    {
      code: 'FROM node:20 AS b\nCOPY . .\nRUN ./build.sh\nFROM alpine\nCOPY --from=b /dist /dist\n',
      name: 'a script could write it',
    },
    { code: 'FROM node:20 AS b\nENV OUT=/artifacts\nRUN make\nFROM alpine\nCOPY --from=b /artifacts/x /x\n' },
    { code: 'FROM alpine AS b\nRUN x\nFROM alpine\nCOPY --from=b /data/*.db /d/\n', name: 'a pattern' },
    {
      code: 'FROM alpine AS b\nFROM alpine\nCOPY --from=nginx:1.27 /docker-entrypoint.sh /x\n',
      name: 'an image',
    },
    {
      name: 'an archive unpacked in /',
      code: 'FROM busybox\nRUN wget -O- https://x/hugo.tgz | tar zx\nFROM alpine\nCOPY --from=0 /hugo /\n',
    },
    {
      name: 'installed in /',
      code: 'FROM node:alpine AS b\nRUN yarn install\nFROM node:alpine\nCOPY --from=b ./node_modules ./node_modules\n',
    },
    {
      name: 'a repository added at /',
      code: 'FROM scratch AS src\nADD https://github.com/x/y.git#main /\nFROM alpine\nCOPY --from=src /metadata/root.json /\n',
    },
  ],
  invalid: [
    {
      code: 'FROM node:20 AS build\nWORKDIR /src\nCOPY . .\nRUN npm ci && npm run build\nFROM nginx:1.27-alpine\nCOPY --from=build /app/dist /usr/share/nginx/html\n',
      errors: [
        {
          line: 6,
          column: 19,
          endColumn: 28,
          message:
            'COPY --from=build /app/dist: nothing in stage build creates /app (its WORKDIR is /src); the build will fail with "not found"',
        },
      ],
    },
    {
      name: 'relative source paths are read from the root of the stage',
      code: 'FROM golang:1.22 AS b\nWORKDIR /go/src/app\nRUN go build -o server .\nFROM alpine\nCOPY --from=b server /server\n',
      errors: [{ line: 5, column: 15, message: /creates \/server/ }],
    },
    {
      name: 'system installs in / do not create project folders',
      code: 'FROM node:20 AS web\nRUN apt-get update && apt-get install -y git && npm i -g yarn\nWORKDIR /protodoc\nRUN yarn build\nFROM nginx\nCOPY --from=web build /usr/share/nginx/html\n',
      errors: [{ line: 6, column: 17, message: /creates \/build \(its WORKDIR is \/protodoc\)/ }],
    },
    {
      code: 'FROM scratch AS assets\nCOPY static /static\nFROM nginx\nCOPY --from=assets /public /usr/share/nginx/html\n',
      errors: [{ line: 4, column: 20 }],
    },
  ],
});
