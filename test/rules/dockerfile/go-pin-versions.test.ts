import rule from '../../../src/rules/dockerfile/go-pin-versions.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { code: 'FROM golang:1.23\nRUN go install golang.org/x/tools/cmd/goimports@v0.26.0\n' },
    {
      code: 'FROM golang:1.23\nRUN go install -ldflags "-s -w" -tags netgo ./cmd/server\n',
      name: 'flag values are not packages',
    },
    { code: 'FROM golang:1.23\nRUN go build -o /app . && go install . && go run main.go\n' },
    {
      code: 'FROM golang:1.23\nRUN go run example.com/gen@v1.2.3 --out foo bar\n',
      name: 'program arguments',
    },
    { code: 'FROM golang:1.23\nRUN go mod download && go get -u\n' },
  ],
  invalid: [
    {
      code: 'FROM golang:1.23\nRUN go install -v github.com/go-delve/delve/cmd/dlv@latest\n',
      errors: [
        {
          line: 2,
          column: 5,
          endColumn: 15,
          message:
            'pin a version of `github.com/go-delve/delve/cmd/dlv@latest` (`go install <package>@<version>`)',
        },
      ],
    },
    {
      name: 'go get and go run',
      code: 'FROM golang:1.23\nRUN go get -tool example.com/x && go run example.com/gen -v\n',
      errors: [
        {
          line: 2,
          column: 5,
          endColumn: 11,
          message: 'pin a version of `example.com/x` (`go get <package>@<version>`)',
        },
        { line: 2, column: 35, endColumn: 41 },
      ],
    },
  ],
});
