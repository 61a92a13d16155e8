import rule from '../../../src/rules/dockerfile/final-inherits-build-tools.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { code: 'FROM golang:1.22\nRUN go build\nCMD ["/go/bin/app"]\n', name: 'single stage' },
    { code: 'FROM golang:1.22 AS b\nRUN go build -o /a\nFROM alpine\nCOPY --from=b /a /a\n' },
    {
      name: 'compilers installed by a package manager are DA2208',
      code: 'FROM python:3.12-slim AS build\nRUN apt-get install -y gcc libpq-dev\nFROM build\nCMD ["python", "app.py"]\n',
    },
    {
      code: 'FROM golang:1.22 AS base\nRUN go mod download\nFROM base AS test\nRUN go test ./...\n',
      name: 'a test target',
    },
    { code: 'FROM node:20 AS b\nRUN npm run build\nFROM node:20-slim\nCOPY --from=b /app /app\n' },
    {
      code: 'FROM golang:1.22 AS build\nRUN go build\nFROM build\n',
      name: 'a build environment without a command',
    },
  ],
  invalid: [
    {
      code: 'FROM golang:1.22 AS build\nRUN go build -o /app\nFROM golang:1.22\nCOPY --from=build /app /app\nCMD ["/app"]\n',
      errors: [
        {
          line: 3,
          column: 6,
          endColumn: 17,
          message:
            'the final stage runs on golang:1.22, a build toolchain image, although the build happens in other stages: start from a runtime base (slim, JRE, distroless) and COPY --from the artifacts',
        },
      ],
    },
    {
      name: 'through FROM <stage>',
      code: 'FROM maven:3.9-eclipse-temurin-21 AS build\nRUN mvn package\nFROM build\nCMD ["java", "-jar", "target/app.jar"]\n',
      errors: [{ line: 3, column: 6, message: /maven:3\.9-eclipse-temurin-21/ }],
    },
    {
      code: 'FROM node:20 AS build\nRUN npm run build\nFROM mcr.microsoft.com/dotnet/sdk:8.0\nCOPY --from=build /dist /dist\nENTRYPOINT ["dotnet", "app.dll"]\n',
      errors: [{ line: 3, column: 6 }],
    },
  ],
});
