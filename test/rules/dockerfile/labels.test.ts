import labelEmpty from '../../../src/rules/dockerfile/label-empty.js';
import labelKeyInvalid from '../../../src/rules/dockerfile/label-key-invalid.js';
import labelMissing from '../../../src/rules/dockerfile/label-missing.js';
import labelNotEmail from '../../../src/rules/dockerfile/label-not-email.js';
import labelNotGitHash from '../../../src/rules/dockerfile/label-not-git-hash.js';
import labelNotInSchema from '../../../src/rules/dockerfile/label-not-in-schema.js';
import labelNotRfc3339 from '../../../src/rules/dockerfile/label-not-rfc3339.js';
import labelNotSemver from '../../../src/rules/dockerfile/label-not-semver.js';
import labelNotSpdx from '../../../src/rules/dockerfile/label-not-spdx.js';
import labelNotUrl from '../../../src/rules/dockerfile/label-not-url.js';
import { testRule } from '../../helpers/rule-tester.js';

testRule(labelKeyInvalid, {
  valid: [{ code: 'LABEL org.valid-key.label3="foo" validlabel="foo" a=1\n' }],
  invalid: [
    {
      code: 'LABEL com.docker.label="foo"\n',
      errors: [
        {
          line: 1,
          column: 7,
          endColumn: 23,
          message: 'label key "com.docker.label" uses a namespace reserved for Docker',
        },
      ],
    },
    {
      code: 'LABEL io.docker.label="foo" org.dockerproject.x=1\n',
      errors: [
        { line: 1, column: 7 },
        { line: 1, column: 29 },
      ],
    },
    {
      code: 'LABEL invalid$character="foo" .invalid=1 -invalid=1 1invalid=1 Upper=1 end.=1\n',
      errors: [
        { line: 1, column: 7, message: /not valid/ },
        { line: 1, column: 31 },
        { line: 1, column: 42 },
        { line: 1, column: 53 },
        { line: 1, column: 64 },
        { line: 1, column: 72 },
      ],
    },
    {
      code: 'FROM x\nONBUILD LABEL invalid..character="foo"\nLABEL invalid--character="foo"\n',
      errors: [
        { line: 2, column: 15, message: /consecutive/ },
        { line: 3, column: 7 },
      ],
    },
  ],
});

const schema = (labelSchema: Record<string, string>, extra: object = {}) =>
  ({ labelSchema, ...extra }) as never;
const foo = schema({ foo: 'text' });

testRule(labelMissing, {
  valid: [
    { code: 'FROM base\nLABEL foo="bar"\n', config: foo },
    {
      code: 'FROM baseimage as base\nFROM base\nLABEL foo="bar"\n',
      config: foo,
      name: 'a stage built on it has it',
    },
    {
      code: 'FROM baseimage as base\nFROM other\nLABEL foo="bar"\nCOPY --from=base /bar /baz\n',
      config: foo,
    },
    { code: 'FROM baseimage as base\nLABEL foo="bar"\nFROM base\n', config: foo, name: 'inherited' },
    { code: 'FROM x\n', name: 'no schema' },
  ],
  invalid: [
    {
      code: 'FROM baseimage\n',
      config: foo,
      errors: [{ line: 1, column: 6, endColumn: 15, message: 'label "foo" is missing' }],
    },
    { code: 'FROM baseimage\nLABEL bar="baz"\n', config: foo, errors: [{ line: 1, column: 6 }] },
    {
      code: 'FROM stage1\nFROM stage2\n',
      config: foo,
      errors: [
        { line: 1, column: 6 },
        { line: 2, column: 6 },
      ],
    },
    {
      code: 'FROM baseimage as base\nFROM base\n',
      config: foo,
      errors: [
        { line: 1, column: 6 },
        { line: 2, column: 6 },
      ],
    },
    {
      code: 'FROM baseimage as base\nFROM newimage\nLABEL foo="bar"\nCOPY --from=base /bar /baz\n\nFROM newimage\nCOPY --from=base /bar /baz\n',
      config: foo,
      errors: [{ line: 6, column: 6 }],
    },
    {
      code: 'FROM baseimage as base\nFROM base\n\nFROM base\nLABEL foo="bar"\n',
      config: foo,
      errors: [{ line: 2, column: 6 }],
    },
  ],
});

const strict = schema({ required: 'text' }, { strictLabels: true });
testRule(labelNotInSchema, {
  valid: [
    { code: 'FROM x\nLABEL required="foo"\n', config: strict },
    { code: 'FROM x\nLABEL other="foo"\n', config: schema({ required: 'text' }), name: 'not strict' },
  ],
  invalid: [
    {
      code: 'FROM x\nLABEL required="foo" other="bar"\n',
      config: strict,
      errors: [{ line: 2, column: 22, endColumn: 27, message: 'label "other" is not in the label schema' }],
    },
    {
      code: 'FROM x\nLABEL a=1\n',
      config: { strictLabels: true },
      errors: [{ line: 2, column: 7 }],
      name: 'no schema',
    },
  ],
});

testRule(labelEmpty, {
  valid: [
    { code: 'LABEL emptylabel="foo" other=""\n', config: schema({ emptylabel: 'text' }) },
    {
      code: 'FROM x\nARG V\nLABEL emptylabel="$V"\n',
      config: schema({ emptylabel: 'text' }),
      name: 'unknown',
    },
  ],
  invalid: [
    {
      code: 'LABEL emptylabel=""\n',
      config: schema({ emptylabel: 'text' }),
      errors: [{ line: 1, column: 7, endColumn: 20, message: 'label "emptylabel" is empty' }],
    },
    {
      code: 'FROM x\nARG V=\nLABEL emptylabel=$V\n',
      config: schema({ emptylabel: 'url' }),
      errors: [{ line: 3, column: 7 }],
    },
  ],
});

testRule(labelNotUrl, {
  valid: [
    { code: 'LABEL u="http://example.com" other="foo"\n', config: schema({ u: 'url' }) },
    {
      code: 'LABEL u="https://example.com/a%20b?x=1#y" v="mailto:a@b.c"\n',
      config: schema({ u: 'url', v: 'url' }),
    },
    { code: 'FROM x\nARG REPO\nLABEL u="https://github.com/$REPO"\n', config: schema({ u: 'url' }) },
  ],
  invalid: [
    {
      code: 'LABEL u="not-url"\n',
      config: schema({ u: 'url' }),
      errors: [
        { line: 1, column: 9, endColumn: 18, message: 'label "u" is not a URL (RFC 3986): "not-url"' },
      ],
    },
    {
      code: 'LABEL u="http://exa mple.com" v="http://x/%zz"\n',
      config: schema({ u: 'url', v: 'url' }),
      errors: [
        { line: 1, column: 9 },
        { line: 1, column: 33 },
      ],
    },
    {
      code: 'FROM x\nARG HOST=example.com\nLABEL u="$HOST/x"\n',
      config: schema({ u: 'url' }),
      errors: [{ line: 3, column: 9, message: /"example.com\/x"/ }],
    },
  ],
});

testRule(labelNotRfc3339, {
  valid: [
    {
      code: 'LABEL d="2021-03-10T10:26:33.564595127+01:00" e="2024-02-29T23:59:60Z"\n',
      config: schema({ d: 'rfc3339', e: 'rfc3339' }),
    },
  ],
  invalid: [
    {
      code: 'LABEL d="not-date"\n',
      config: schema({ d: 'rfc3339' }),
      errors: [{ line: 1, column: 9, message: /RFC 3339/ }],
    },
    {
      code: 'LABEL a="2024-05-01" b="2023-02-29T00:00:00Z" c="2024-05-01T24:00:00Z"\n',
      config: schema({ a: 'rfc3339', b: 'rfc3339', c: 'rfc3339' }),
      errors: [
        { line: 1, column: 9 },
        { line: 1, column: 24 },
        { line: 1, column: 49 },
      ],
    },
  ],
});

testRule(labelNotSpdx, {
  valid: [
    {
      code: 'LABEL a="BSD-3-Clause" b="MIT" c="Apache-2.0 OR MIT" d="(MIT AND BSD-2-Clause) OR GPL-2.0-or-later WITH Classpath-exception-2.0" e="LicenseRef-acme" f="gpl-2.0+"\n',
      config: schema({ a: 'spdx', b: 'spdx', c: 'spdx', d: 'spdx', e: 'spdx', f: 'spdx' }),
    },
  ],
  invalid: [
    {
      code: 'LABEL a="not-spdx"\n',
      config: schema({ a: 'spdx' }),
      errors: [{ line: 1, column: 9, message: /SPDX/ }],
    },
    {
      code: 'LABEL a="MIT OR" b="(MIT" c="MIT WITH nothing" d="Apache 2.0"\n',
      config: schema({ a: 'spdx', b: 'spdx', c: 'spdx', d: 'spdx' }),
      errors: [
        { line: 1, column: 9 },
        { line: 1, column: 20 },
        { line: 1, column: 29 },
        { line: 1, column: 50 },
      ],
    },
  ],
});

testRule(labelNotGitHash, {
  valid: [
    {
      code: 'LABEL a="2dbfae9" b="43c572f1272b6b3171dd1db9e41b7027128ce080"\n',
      config: schema({ a: 'hash', b: 'hash' }),
    },
  ],
  invalid: [
    {
      code: 'LABEL a="not-git-hash" b="abc12"\n',
      config: schema({ a: 'hash', b: 'hash' }),
      errors: [
        { line: 1, column: 9 },
        { line: 1, column: 26 },
      ],
    },
  ],
});

testRule(labelNotSemver, {
  valid: [
    {
      code: 'LABEL a="1.0.0" b="2.0.1-rc1" c="1.0.0-alpha.1+build.5"\n',
      config: schema({ a: 'semver', b: 'semver', c: 'semver' }),
    },
  ],
  invalid: [
    {
      code: 'LABEL a="not-sem-ver" b="v1.0.0" c="01.0.0" d="1.0"\n',
      config: schema({ a: 'semver', b: 'semver', c: 'semver', d: 'semver' }),
      errors: [
        { line: 1, column: 9 },
        { line: 1, column: 25 },
        { line: 1, column: 36 },
        { line: 1, column: 47 },
      ],
    },
  ],
});

testRule(labelNotEmail, {
  valid: [
    {
      code: 'LABEL maintainer="abcd@google.com" b="\\"j d\\"@x.org" c="a.b+c@[127.0.0.1]"\n',
      config: schema({ maintainer: 'email', b: 'email', c: 'email' }),
    },
  ],
  invalid: [
    {
      code: 'LABEL maintainer="not-email" b="Jane <jane@x.org>" c="a..b@x.org"\n',
      config: schema({ maintainer: 'email', b: 'email', c: 'email' }),
      errors: [
        {
          line: 1,
          column: 18,
          message: 'label "maintainer" is not an email address (RFC 5322): "not-email"',
        },
        { line: 1, column: 32 },
        { line: 1, column: 54 },
      ],
    },
  ],
});
