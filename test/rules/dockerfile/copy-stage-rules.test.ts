import copyDestNotDir from '../../../src/rules/dockerfile/copy-dest-not-dir.js';
import copyFromOwnStage from '../../../src/rules/dockerfile/copy-from-own-stage.js';
import copyFromRoot from '../../../src/rules/dockerfile/copy-from-root.js';
import copyFromUnknownStage from '../../../src/rules/dockerfile/copy-from-unknown-stage.js';
import duplicateStageName from '../../../src/rules/dockerfile/duplicate-stage-name.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(copyDestNotDir, {
  valid: [
    { code: 'FROM x\nCOPY foo bar\n' },
    { code: 'FROM x\nCOPY foo bar baz/\n' },
    { code: 'FROM x\nCOPY foo bar "baz/"\n' },
    { code: 'FROM x\nCOPY foo bar .\n', name: '. is a folder' },
    { code: 'FROM x\nCOPY ["a", "b", "/c/"]\n' },
    { code: 'FROM x\nCOPY a b $DEST\n', name: 'unknown destination' },
  ],
  invalid: [
    {
      code: 'FROM x\nCOPY foo bar baz\n',
      errors: [
        {
          line: 2,
          column: 14,
          endColumn: 17,
          message: 'end the destination "baz" with / when copying several sources',
        },
      ],
      output: 'FROM x\nCOPY foo bar baz/\n',
    },
    {
      name: 'quoted, JSON form, ADD, resolved variable',
      code: 'FROM x\nCOPY foo bar "baz"\nCOPY ["a", "b", "/c"]\nARG D=/srv\nADD a b $D\n',
      errors: [
        { line: 2, column: 14 },
        { line: 3, column: 17 },
        { line: 5, column: 9, message: /"\/srv"/ },
      ],
      output: 'FROM x\nCOPY foo bar "baz/"\nCOPY ["a", "b", "/c/"]\nARG D=/srv\nADD a b $D/\n',
    },
    {
      name: 'multi-line',
      code: 'FROM x\nCOPY a \\\n     b \\\n     /app\n',
      errors: [{ line: 4, column: 6, endColumn: 10 }],
      output: 'FROM x\nCOPY a \\\n     b \\\n     /app/\n',
    },
  ],
});

testRule(copyFromUnknownStage, {
  valid: [
    { code: 'FROM scratch as build\nRUN foo\nFROM node\nCOPY --from=build foo .\n' },
    { code: 'COPY --from=haskell:latest bar .\n' },
    { code: 'FROM scratch as build\nFROM node\nCOPY --from=0 foo .\n' },
    { code: 'FROM scratch AS Build\nFROM node\nCOPY --from=bUILD foo .\n', name: 'case-insensitive' },
    { code: 'FROM node\nCOPY --from=$STAGE foo .\n', name: 'unknown argument' },
    { code: 'FROM node AS a\nCOPY --from=a foo .\n', name: 'own stage is another rule' },
  ],
  invalid: [
    {
      code: 'COPY --from=foo bar .\n',
      errors: [
        {
          line: 1,
          column: 13,
          endColumn: 16,
          message: 'no stage named "foo" before this COPY; for an image, give a tag (foo:<tag>)',
        },
      ],
    },
    {
      code: 'FROM scratch\nCOPY --from=build foo .\nFROM node as build\n',
      errors: [{ line: 2, column: 13, message: 'stage "build" is defined after this COPY: move it before' }],
    },
    {
      code: 'COPY --from=0 bar .\n',
      errors: [{ line: 1, column: 13, message: 'there is no stage 0 before this COPY' }],
    },
    {
      code: 'FROM a\nFROM b\nARG S=builder\nCOPY --link --from=${S} x y\nCOPY --from=5 x y\n',
      errors: [
        { line: 4, column: 20 },
        { line: 5, column: 13 },
      ],
    },
  ],
});

testRule(copyFromOwnStage, {
  valid: [
    { code: 'FROM scratch as build\nFROM node as run\nCOPY --from=build foo .\n' },
    { code: 'FROM node\nCOPY --from=1 x y\n' },
  ],
  invalid: [
    {
      code: 'FROM node as foo\nCOPY --from=foo bar .\n',
      errors: [{ line: 2, column: 13, endColumn: 16, message: 'COPY --from=foo refers to its own stage' }],
    },
    {
      code: 'FROM a\nFROM node AS Foo\nCOPY --from=FOO x y\nCOPY --from=1 x y\n',
      errors: [
        { line: 3, column: 13 },
        { line: 4, column: 13 },
      ],
    },
  ],
});

testRule(duplicateStageName, {
  valid: [{ code: 'FROM scratch as build\nRUN foo\nFROM node as run\n' }],
  invalid: [
    {
      code: 'FROM node as foo\nRUN something\nFROM scratch as FOO\n',
      errors: [{ line: 3, column: 17, endColumn: 20, message: 'stage name "FOO" is already used on line 1' }],
    },
  ],
});

testRule(copyFromRoot, {
  valid: [
    { code: 'COPY / /\n' },
    { code: 'COPY --from=build /app /\n' },
    { code: 'COPY --from=build / /app\n' },
    {
      code: 'FROM debian:12 AS rootfs\nRUN make\nFROM scratch\nCOPY --from=rootfs / /\n',
      name: 'squashing into scratch',
    },
  ],
  invalid: [
    {
      code: 'COPY --from=build / /\n',
      errors: [
        {
          line: 1,
          column: 19,
          endColumn: 22,
          message: 'copy only what the application needs instead of the whole filesystem of "build"',
        },
      ],
    },
    { code: 'FROM x AS build\nFROM y\nCOPY --from=build "/" "//."\n', errors: [{ line: 3, column: 19 }] },
  ],
});
