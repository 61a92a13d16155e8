import { describe, expect, it } from 'vitest';
import copyContext from '../../../src/rules/context/copy-context-without-dockerignore.js';
import copySource from '../../../src/rules/context/copy-source-not-sent.js';
import dependencies from '../../../src/rules/context/dependencies-in-context.js';
import rootOnly from '../../../src/rules/context/dockerignore-root-only-pattern.js';
import { contextRules } from '../../../src/rules/context/index.js';
import large from '../../../src/rules/context/large-build-context.js';
import secretFile from '../../../src/rules/context/secret-file-in-context.js';
import secretInFile from '../../../src/rules/context/secret-in-context-file.js';
import symlink from '../../../src/rules/context/symlink-out-of-context.js';
import vcs from '../../../src/rules/context/vcs-folder-in-context.js';
import { FAKE } from '../../secrets/tokens.js';
import { check, where } from './helpers.js';

const BROAD = 'FROM python:3.12\nWORKDIR /app\nCOPY . .\n';

describe('context rules metadata', () => {
  it('codes are unique DA6xxx and every rule is registered', () => {
    const codes = contextRules.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const r of contextRules) {
      expect(r.code).toMatch(/^DA6\d{3}$/);
      expect(r.target).toBe('context');
    }
    expect(contextRules).toHaveLength(9);
  });
});

describe('copy-context-without-dockerignore (DA6001)', () => {
  it('reports COPY . . without an ignore file, at the COPY', () => {
    const f = check(copyContext, { Dockerfile: BROAD, 'a.py': '' });
    expect(where(f)).toEqual(['Dockerfile:3:1 warning']);
    expect(f[0]!.message).toMatch(/COPY \. copies the whole context \(2 files/);
  });
  it('is quiet with a .dockerignore, a Dockerfile-specific one, or narrow COPYs', () => {
    expect(check(copyContext, { Dockerfile: BROAD, '.dockerignore': '.git\n' })).toEqual([]);
    expect(check(copyContext, { Dockerfile: BROAD, 'Dockerfile.dockerignore': '.git\n' })).toEqual([]);
    expect(check(copyContext, { Dockerfile: 'FROM x\nCOPY src/ /app/\n', 'src/a': '' })).toEqual([]);
  });
  it('sees ./ and / as the whole context too', () => {
    expect(where(check(copyContext, { Dockerfile: 'FROM x\nADD ./ /app\n' }))).toEqual([
      'Dockerfile:2:1 warning',
    ]);
  });
});

describe('secret-file-in-context (DA6002)', () => {
  it('error when copied into the final image, warning when only sent', () => {
    const copied = check(secretFile, { Dockerfile: BROAD, '.env': 'A=1\n' });
    expect(where(copied)).toEqual(['.env:1:1 error']);
    expect(copied[0]!.message).toMatch(/copied into the image by COPY at line 3/);
    const sent = check(secretFile, { Dockerfile: 'FROM x\nCOPY app.py /\n', 'app.py': '', '.env': 'A=1\n' });
    expect(where(sent)).toEqual(['.env:1:1 warning']);
  });
  it('a file copied only into a build stage that does not reach the final image is only sent', () => {
    const f = check(secretFile, {
      Dockerfile:
        'FROM node AS build\nCOPY . .\nRUN npm run build\nFROM nginx\nCOPY --from=build /dist /html\n',
      id_rsa: 'x',
    });
    expect(where(f)).toEqual(['id_rsa:1:1 warning']);
  });
  it('is quiet when .dockerignore excludes the files, and for examples', () => {
    expect(check(secretFile, { Dockerfile: BROAD, '.dockerignore': '**/.env\n', '.env': 'A=1' })).toEqual([]);
    expect(check(secretFile, { Dockerfile: BROAD, '.env.example': 'A=changeme' })).toEqual([]);
    expect(check(secretFile, { Dockerfile: BROAD, '.npmrc': 'registry=https://r.example/\n' })).toEqual([]);
  });
  it('.npmrc with a token is a secret file', () => {
    expect(
      where(check(secretFile, { Dockerfile: BROAD, '.npmrc': `//r/:_authToken=${FAKE.npm}\n` })),
    ).toEqual(['.npmrc:1:1 error']);
  });
});

describe('vcs-folder-in-context (DA6003)', () => {
  it('reports .git at the COPY that takes it, or at the folder', () => {
    expect(where(check(vcs, { Dockerfile: BROAD, '.git/HEAD': 'ref' }))).toEqual(['Dockerfile:3:1 warning']);
    expect(where(check(vcs, { Dockerfile: 'FROM x\n', '.git/HEAD': 'ref' }))).toEqual(['.git:1:1 warning']);
    expect(check(vcs, { Dockerfile: BROAD, '.dockerignore': '.git\n', '.git/HEAD': 'ref' })).toEqual([]);
  });
});

describe('dependencies-in-context (DA6004)', () => {
  it('reports node_modules, venv and caches at any depth, once per tree', () => {
    const f = check(dependencies, {
      Dockerfile: BROAD,
      'node_modules/a/index.js': 'x',
      'node_modules/a/node_modules/b/index.js': 'y',
      'web/node_modules/c.js': 'z',
      'app/__pycache__/m.pyc': 'p',
    });
    expect(f.map((x) => x.message.split(' ')[0])).toEqual([
      'app/__pycache__/',
      'node_modules/',
      'web/node_modules/',
    ]);
  });
  it('a root-only pattern leaves deeper ones sent', () => {
    const f = check(dependencies, {
      Dockerfile: BROAD,
      '.dockerignore': 'node_modules\n',
      'web/node_modules/c.js': 'z',
    });
    expect(f).toHaveLength(1);
  });
});

describe('large-build-context (DA6005)', () => {
  it('reports above the threshold, with the biggest entries', () => {
    const files = { Dockerfile: BROAD, 'data/blob.bin': 'x'.repeat(5000) };
    expect(check(large, files)).toEqual([]);
    const f = check(large, files, { 'large-build-context': { maxBytes: 1000 } });
    expect(f[0]!.message).toMatch(/sends 5\.0 kB in 2 files \(threshold 1\.0 kB\); biggest: data 5\.0 kB/);
  });
});

describe('secret-in-context-file (DA6006)', () => {
  it('reports at the exact line and column, redacted, severity by confidence', () => {
    const f = check(secretInFile, {
      Dockerfile: BROAD,
      'config/app.yaml': `name: x\ntoken: ${FAKE.github}\ndb:\n  password: Zq8Lm3Xv7Tb2\n`,
    });
    expect(where(f)).toEqual(['config/app.yaml:2:8 error', 'config/app.yaml:4:13 warning']);
    expect(f[0]!.message).toMatch(
      /GitHub token \(ghp_.{3}….\) in a file copied into the image by COPY at line 3/,
    );
    for (const x of f) {
      expect(x.message).not.toContain(FAKE.github);
      expect(x.message).not.toContain('Zq8Lm3Xv7Tb2');
    }
  });
  it('skips lines marked dockaudit:allow-secret, binaries and lock files', () => {
    expect(
      check(secretInFile, {
        Dockerfile: BROAD,
        'docs.md': `example: ${FAKE.github}  <!-- dockaudit:allow-secret -->\n`,
        'blob.bin': `\u0000${FAKE.github}`,
        'package-lock.json': `{"token": "${FAKE.npm}"}`,
      }),
    ).toEqual([]);
  });
  it('a private key file is reported once, by DA6002', () => {
    expect(check(secretInFile, { Dockerfile: BROAD, 'key.pem': FAKE.privateKey })).toEqual([]);
  });
});

describe('copy-source-not-sent (DA6007)', () => {
  it('a source .dockerignore excludes names the deciding line', () => {
    const f = check(copySource, {
      Dockerfile: 'FROM x\nCOPY requirements.txt .\n',
      '.dockerignore': '*.txt\n',
      'requirements.txt': '',
    });
    expect(where(f)).toEqual(['Dockerfile:2:1 error']);
    expect(f[0]!.message).toMatch(/exists but \.dockerignore excludes it \(\S*\.dockerignore:1 `\*\.txt`\)/);
  });
  it('a missing source, and quiet for present ones and --from', () => {
    expect(check(copySource, { Dockerfile: 'FROM x\nCOPY nope.txt .\n' })[0]!.message).toMatch(
      /not in the build context/,
    );
    expect(
      check(copySource, { Dockerfile: 'FROM x\nCOPY a.txt .\nCOPY --from=b /x /y\n', 'a.txt': '' }),
    ).toEqual([]);
  });
});

describe('dockerignore-root-only-pattern (DA6008)', () => {
  it('reports a bare name that only deeper entries would match, at its line', () => {
    const f = check(rootOnly, {
      Dockerfile: BROAD,
      '.dockerignore': '# caches\n__pycache__/\n*.pyc\n**/.venv\n',
      'app/__pycache__/m.pyc': '',
    });
    expect(where(f)).toEqual(['.dockerignore:2:1 warning', '.dockerignore:3:1 warning']);
    expect(f[0]!.message).toMatch(
      /`__pycache__` matches only at the context root, but app\/__pycache__ is sent; write `\*\*\/__pycache__`/,
    );
  });
  it('is quiet when the pattern matches at the root too', () => {
    expect(
      check(rootOnly, { Dockerfile: BROAD, '.dockerignore': '*.pyc\n', 'x.pyc': '', 'a/y.pyc': '' }),
    ).toEqual([]);
  });
});

describe('symlink-out-of-context (DA6009)', () => {
  it('reports links that leave the context', async () => {
    const { symlinkSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tree } = await import('../../context/tree.js');
    const root = tree({ Dockerfile: BROAD });
    symlinkSync('/etc/hosts', join(root, 'hosts'));
    const { analyzeContext } = await import('../../../src/context/analyze.js');
    const model = analyzeContext(root);
    expect(model.walk.escapingLinks.map((l) => l.path)).toEqual(['hosts']);
    expect(symlink.code).toBe('DA6009');
  });
});
