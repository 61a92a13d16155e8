import rule from '../../../src/rules/dockerfile/pipe-without-pipefail.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { code: 'FROM debian\nRUN curl -fsSL https://x.example && tar -xzf a.tgz\n', name: 'no pipe' },
    {
      code: 'FROM debian\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://x.example | sh\n',
    },
    { code: 'FROM debian\nSHELL ["/bin/bash", "-eo", "pipefail", "-c"]\nRUN a | b\n' },
    { code: 'FROM debian\nSHELL ["/bin/bash", "-o", "errexit", "-o", "pipefail", "-c"]\nRUN a | b\n' },
    {
      code: 'FROM alpine\nSHELL ["/bin/sh", "-o", "pipefail", "-c"]\nRUN a | b\n',
      name: 'BusyBox ash supports pipefail',
    },
    { code: 'FROM debian\nRUN set -euxo pipefail; curl -fsSL https://x.example | sh\n' },
    { code: 'FROM debian\nRUN <<EOF\nset -o pipefail\ncurl -fsSL https://x.example | sh\nEOF\n' },
    {
      code: 'FROM debian AS a\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nFROM a\nRUN a | b\n',
      name: 'SHELL of the stage built on',
    },
    { code: 'FROM mcr.microsoft.com/powershell\nSHELL ["pwsh", "-c"]\nRUN Get-Item x | Select-Object y\n' },
    { code: 'FROM debian\nRUN ["sh", "-c", "a | b"]\n', name: 'exec form' },
    {
      code: 'FROM debian\nRUN echo "$SHA *a.tgz" | sha256sum -c - && printf "x" | tee /f\n',
      name: 'echo cannot fail',
    },
    { code: 'FROM archlinux\nRUN yes | pacman -Syu\n', name: 'pipefail would break yes' },
    { code: 'FROM debian\nSHELL ["/bin/bash", "-euo", "pipefail", "-c"]\nRUN a | b\n' },
    {
      code: 'FROM debian\nRUN bash -o pipefail -c "curl -fsSL https://x.example | sh"\n',
      name: 'bash -c with pipefail',
    },
  ],
  invalid: [
    {
      name: 'no fix for a RUN before the first FROM (found by the fuzzer: the SHELL was inserted again on every run)',
      code: 'RUN curl -fsSL https://x.example/i.sh | bash\nFROM debian:12\n',
      errors: [{ line: 1, column: 5 }],
      output: 'RUN curl -fsSL https://x.example/i.sh | bash\nFROM debian:12\n',
    },
    {
      code: 'FROM debian:12\nRUN apt-get update\n# hadolint ignore=DL3008\nRUN curl -fsSL https://x.example/a.tgz | tar -xz\nRUN a | b\n',
      errors: [
        {
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 49,
          message:
            'set pipefail before this pipe (`SHELL ["/bin/bash", "-o", "pipefail", "-c"]`): a failure before the last command goes unnoticed',
        },
        { line: 5, column: 5, endColumn: 10 },
      ],
      output:
        'FROM debian:12\nRUN apt-get update\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\n# hadolint ignore=DL3008\nRUN curl -fsSL https://x.example/a.tgz | tar -xz\nRUN a | b\n',
    },
    {
      name: 'no bash on alpine: set -o pipefail in the RUN; a set after the pipe does not count',
      code: 'FROM alpine:3.20\nRUN wget -qO- https://x.example | sh; set -o pipefail\n',
      errors: [{ line: 2, column: 5, endColumn: 37 }],
      output: 'FROM alpine:3.20\nRUN set -o pipefail && wget -qO- https://x.example | sh; set -o pipefail\n',
    },
    {
      name: 'the SHELL keeps the stage shell and indentation; a later SHELL without pipefail',
      code: 'FROM python:3.12\n  SHELL ["/bin/bash", "-c"]\n  RUN a | b\n',
      errors: [{ line: 3, column: 7 }],
      output:
        'FROM python:3.12\n  SHELL ["/bin/bash", "-c"]\n  SHELL ["/bin/bash", "-o", "pipefail", "-c"]\n  RUN a | b\n',
    },
    {
      name: 'a pipe inside a command substitution and in an ONBUILD trigger',
      code: 'FROM debian\nONBUILD RUN v=$(a | b) && echo $v\n',
      errors: [{ line: 2, column: 17, endColumn: 22 }],
      output: 'FROM debian\nONBUILD RUN set -o pipefail && v=$(a | b) && echo $v\n',
    },
  ],
});
