import rule from '../../../src/rules/dockerfile/undefined-variable.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { code: 'FROM scratch\nARG V=1\nCOPY app-$V /app\n' },
    { code: 'FROM scratch\nARG V\nCOPY app-${V} /app\n', name: 'declared without a default' },
    { code: 'FROM debian\nWORKDIR $HOME/app\nENV P=$PATH:/x\n', name: 'an image may set them' },
    { code: 'FROM scratch\nENV PATH=/app:$PATH\n', name: 'BuildKit always sets PATH' },
    { code: 'ARG V=1\nFROM scratch\nARG V\nLABEL v=$V\n', name: 'global ARG redeclared' },
    { code: 'FROM scratch\nARG A=1 B=${A}2\n', name: 'ARG defaults see earlier ARGs' },
    { code: 'FROM scratch\nRUN echo $UNDEFINED\nCMD echo $X\n', name: 'the shell expands RUN and CMD' },
    { code: "FROM scratch\nLABEL a='$X' b=\\$Y\n", name: 'quoted or escaped' },
    { code: 'FROM scratch AS base\nARG V=1\nFROM base\nLABEL v=$V\n', name: 'ARGs pass to child stages' },
    { code: 'FROM scratch AS base\nENV E=1\nFROM base\nLABEL e=$E\n', name: 'ENV passes to child stages' },
    { code: 'FROM scratch\nCOPY <<EOF /x\n$NOT_CHECKED\nEOF\n', name: 'heredoc bodies are not checked' },
    {
      code: 'FROM debian\nENV PYTHONPATH=/a:$PYTHONPATH\nENV PYTHONPATH=/b:$PYTHONPATH\n',
      name: 'a name the stage extends (X=…:$X) is meant to come from the image',
    },
    { code: 'FROM debian\nENV PATH=/a:$PATH\nENV PATH=/b:$PATH\n', name: 'PATH is always set' },
  ],
  invalid: [
    {
      name: 'typo with a suggestion',
      code: 'FROM scratch\nARG VERSION=1.0\nCOPY app-$VERSOIN.tar.gz /app/\n',
      errors: [
        {
          line: 3,
          column: 10,
          endColumn: 18,
          message: '$VERSOIN is not defined (did you mean $VERSION?)',
        },
      ],
    },
    {
      name: 'used before it is declared, even on an image base',
      code: 'FROM debian\nWORKDIR ${APP_HOME}/src\nENV APP_HOME=/srv\n',
      errors: [
        {
          line: 2,
          column: 9,
          endColumn: 20,
          message: '$APP_HOME is used before this stage declares it (line 3): declare it first',
        },
      ],
    },
    {
      name: 'ENV pairs do not see each other; later ARGs of the same ARG are too late',
      code: 'FROM debian\nENV A=1 B=$A\nARG X=$Y Y=2\n',
      errors: [
        { line: 2, column: 11, endColumn: 13, message: /\$A is set by this same ENV/ },
        { line: 3, column: 7, endColumn: 9, message: /\$Y is used before .*line 3/ },
      ],
    },
    {
      name: 'global ARG not redeclared',
      code: 'ARG VERSION=1\nFROM scratch\nCOPY dist/$VERSION /app\n',
      errors: [
        {
          line: 3,
          column: 11,
          message: '$VERSION is a global ARG, which a stage does not see: add `ARG VERSION` to this stage',
        },
      ],
    },
    {
      name: 'global ARG not redeclared, on an image base too',
      code: 'ARG BUILD_DATE\nFROM alpine\nLABEL build-date=$BUILD_DATE\nFROM alpine\nARG BUILD_DATE\nLABEL d=$BUILD_DATE\n',
      errors: [{ line: 3, column: 18, endColumn: 29, message: /global ARG/ }],
    },
    {
      name: 'a key set by another pair of the same ENV',
      code: 'FROM debian\nENV JAVA_HOME=/opt/java \\\n    PATH=$JAVA_HOME/bin:$PATH\n',
      errors: [
        {
          line: 3,
          column: 10,
          endColumn: 20,
          message:
            '$JAVA_HOME is set by this same ENV, which BuildKit expands before setting anything: set it in an earlier ENV',
        },
      ],
    },
    {
      name: 'every expanded instruction and flag; one report per name and instruction',
      code: [
        'FROM scratch',
        'COPY --chown=$OWNER:$OWNER a /b',
        'ADD --checksum=$SUM https://example.com/x /x',
        'LABEL $K=v',
        'EXPOSE $PORT',
        'USER $U',
        'VOLUME ["/data/$D"]',
        'STOPSIGNAL $SIG',
        'RUN --mount=type=cache,target=$CACHE true',
        'ENV X=${MISSING:-default}',
        '',
      ].join('\n'),
      errors: [
        {
          line: 2,
          column: 14,
          endColumn: 20,
          message: '$OWNER is not defined: BuildKit substitutes an empty string',
        },
        { line: 3, column: 16, endColumn: 20 },
        { line: 4, column: 7, endColumn: 9 },
        { line: 5, column: 8 },
        { line: 6, column: 6 },
        { line: 7, column: 9, endColumn: 19, message: /\$D is not defined/ },
        { line: 8, column: 12 },
        { line: 9, column: 31, endColumn: 37 },
        { line: 10, column: 7, endColumn: 26, message: /\$MISSING is not defined/ },
      ],
    },
    {
      name: 'inside a continued line',
      code: 'FROM scratch\nCOPY a \\\n  /app/$DEST\n',
      errors: [{ line: 3, column: 8, endColumn: 13 }],
    },
  ],
});
