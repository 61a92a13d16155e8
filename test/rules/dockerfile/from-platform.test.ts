import fromPlatformFlag from '../../../src/rules/dockerfile/from-platform-flag.js';
import redundantTargetPlatform from '../../../src/rules/dockerfile/redundant-target-platform.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(fromPlatformFlag, {
  valid: [
    { code: 'FROM debian:jessie\n' },
    { code: 'FROM --platform=$BUILDPLATFORM debian:jessie\n' },
    { code: 'FROM --platform="$BUILDPLATFORM" debian:jessie\n' },
    { code: 'FROM --platform=${BUILDPLATFORM:-} debian:jessie\n' },
    { code: 'FROM --platform=$TARGETPLATFORM debian:jessie\n' },
    { code: 'ARG P\nFROM --platform=$P debian:jessie\n', name: 'left to the caller' },
  ],
  invalid: [
    {
      code: 'FROM --platform=linux debian:jessie\n',
      errors: [
        {
          line: 1,
          column: 17,
          endColumn: 22,
          message: 'do not pin the platform of FROM to "linux"; use $BUILDPLATFORM or drop the flag',
        },
      ],
    },
    {
      code: 'ARG P=linux/arm64\nFROM --platform=${P} debian AS x\n',
      errors: [{ line: 2, column: 17, message: /linux\/arm64/ }],
    },
  ],
});

testRule(redundantTargetPlatform, {
  valid: [
    { code: 'FROM alpine:3.20\n' },
    { code: 'FROM --platform=$FOOBAR alpine:3.20\n' },
    { code: 'FROM --platform=foobar/arm64 alpine:3.20\n' },
  ],
  invalid: [
    {
      code: 'FROM --platform=$TARGETPLATFORM alpine:3.20\n',
      errors: [{ line: 1, column: 6, endColumn: 32 }],
      output: 'FROM alpine:3.20\n',
    },
    {
      code: 'from --platform=${TARGETPLATFORM}   alpine:3.20 AS x\n',
      errors: [{ line: 1, column: 6 }],
      output: 'from alpine:3.20 AS x\n',
    },
  ],
});
