import rule from '../../../src/rules/dockerfile/copy-archive-then-extract.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(rule, {
  valid: [
    { code: 'COPY packaged-app.tar /usr/src/app\nFROM debian:11 as newstage\n' },
    { code: 'COPY package.json /usr/src/app\n' },
    { code: 'COPY --from=builder /usr/local/share/some.tar /opt/some.tar\nRUN tar -xf /opt/some.tar\n' },
    { code: 'FROM x\nCOPY app.tar /tmp/\nRUN tar -cf /tmp/app.tar /src\n', name: 'creating, not extracting' },
    { code: 'FROM x\nCOPY app.tar /tmp/\nFROM y\nRUN tar -xf /tmp/app.tar\n', name: 'another stage' },
    {
      code: 'FROM x\nCOPY GeoIP.dat.gz /usr/share/GeoIP/\nRUN gunzip /usr/share/GeoIP/GeoIP.dat.gz\n',
      name: 'not a tar: ADD would not unpack it',
    },
  ],
  invalid: [
    {
      code: 'COPY packaged-app.tar /usr/src/app\nRUN tar -xf /usr/src/app/packaged-app.tar\n',
      errors: [
        {
          line: 1,
          column: 6,
          endColumn: 22,
          message: 'use ADD to unpack "packaged-app.tar" instead of COPY and a RUN that extracts it',
        },
      ],
    },
    {
      code: 'COPY packaged-app.tar /usr/src/app\nWORKDIR /usr/src/app\nRUN foo bar && echo something && tar -xf packaged-app.tar\n',
      errors: [{ line: 1, column: 6 }],
    },
    {
      code: 'COPY foo/bar/packaged-app.tar /foo.tar\nRUN tar -xf /foo.tar\n',
      errors: [{ line: 1, column: 31 }],
    },
    {
      name: 'Windows paths',
      code: 'COPY build\\foo\\bar.tar.gz "C:\\Program Files\\foo.tar.gz"\nRUN tar -xf foo.tar.gz\n',
      errors: [{ line: 1, column: 39 }],
    },
    {
      name: 'old-style tar options, gunzip, multi-stage',
      code: 'FROM a\nCOPY x.tgz y.tar.xz /tmp/\nRUN cd /tmp && tar xzf x.tgz && unxz y.tar.xz\n',
      errors: [
        { line: 2, column: 6 },
        { line: 2, column: 12 },
      ],
    },
  ],
});
