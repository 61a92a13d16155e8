import rule from '../../../src/rules/dockerfile/apt-pin-versions.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { code: 'FROM debian\nRUN apt-get install -y curl=7.88.1-10\n' },
    {
      code: 'FROM debian\nRUN apt-get install -y -t bookworm-backports golang=2:1.21~2\n',
      name: '-t takes a value',
    },
    { code: 'FROM debian\nRUN apt-get install -y curl/bookworm-backports\n', name: 'a release pin' },
    { code: 'FROM debian\nRUN apt-get install -y ./tool_1.0_amd64.deb\n' },
    { code: 'FROM debian\nRUN apt-get update && apt-get upgrade -y\n', name: 'not an install' },
    { code: 'FROM debian\nARG V=7.88.1-10\nRUN apt-get install -y "curl=${V}"\n' },
    {
      code: 'FROM debian\nARG PKGS\nRUN apt-get install -y $PKGS\n',
      name: 'unknown packages are not judged',
    },
    { code: 'FROM debian\nRUN apt-get install -y $(cat /tmp/packages)\n' },
  ],
  invalid: [
    {
      code: 'FROM debian\nRUN apt-get update && apt-get install -y python3\n',
      errors: [
        {
          line: 2,
          column: 23,
          endLine: 2,
          endColumn: 38,
          message: 'pin the version of `python3` (`apt-get install <package>=<version>`)',
        },
      ],
    },
    {
      name: 'lists the unpinned packages, at the command inside a multi-line RUN',
      code: 'FROM debian\nRUN apt-get update \\\n && apt-get install -y \\\n    a=1 b c d e\n',
      errors: [
        {
          line: 3,
          column: 5,
          message: 'pin the version of `b`, `c`, `d` and 1 more (`apt-get install <package>=<version>`)',
        },
      ],
    },
    {
      name: 'packages from a build argument',
      code: 'FROM debian\nARG PKGS="curl git"\nRUN apt install -y $PKGS\n',
      errors: [
        {
          line: 3,
          column: 5,
          message: 'pin the version of `curl` and `git` (`apt install <package>=<version>`)',
        },
      ],
    },
  ],
});
