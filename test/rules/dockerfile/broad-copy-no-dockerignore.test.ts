import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src/config/settings.js';
import type { ContextFacts } from '../../../src/dockerfile/analysis.js';
import { parseDockerfile } from '../../../src/dockerfile/parse.js';
import { lintDockerfile } from '../../../src/engine/lint-dockerfile.js';
import rule from '../../../src/rules/dockerfile/broad-copy-no-dockerignore.js';
import { testRule } from '../../helpers/rule-tester.js';

function context(files: string[], hasIgnoreFile: boolean): ContextFacts {
  return {
    root: '/ctx',
    hasIgnoreFile,
    isSent: () => true,
    matches: (source) => (source === '.' ? files : files.filter((f) => f === source)),
  };
}

const lint = (text: string, ctx: ContextFacts | null) =>
  lintDockerfile(parseDockerfile(text, 'Dockerfile'), {
    config: defaultConfig(),
    rules: [rule],
    context: ctx,
  }).map((f) => `${f.line}:${f.column} ${f.message}`);

// Without a build context the rule is silent (the table tests run without one).
testRule(rule, { valid: [{ code: 'FROM python:3.12\nCOPY . .\n' }], invalid: [] });

describe('broad-copy-no-dockerignore with a build context', () => {
  const files = ['.git/config', '.git/HEAD', '.env', 'app.py', 'node_modules/x/index.js'];
  it('reports COPY . into the final image when no .dockerignore applies', () => {
    expect(lint('FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\n', context(files, false))).toEqual([
      '3:6 COPY . copies the whole build context into the image and there is no .dockerignore (it would take .git, .env files, node_modules): add one (.git, .env*, node_modules, tests) or copy only what is needed',
    ]);
    expect(lint('FROM x\nADD ./ /srv/\n', context(['a.py'], false))).toEqual([
      '2:5 ADD ./ copies the whole build context into the image and there is no .dockerignore: add one (.git, .env*, node_modules, tests) or copy only what is needed',
    ]);
  });
  it('stays silent with a .dockerignore, narrow copies, builder stages or copies from stages', () => {
    expect(lint('FROM x\nCOPY . .\n', context(files, true))).toEqual([]);
    expect(lint('FROM x\nCOPY app.py requirements.txt ./\n', context(files, false))).toEqual([]);
    expect(lint('FROM x AS b\nCOPY . .\nFROM y\nCOPY --from=b /app/dist .\n', context(files, false))).toEqual(
      [],
    );
    expect(lint('FROM x\nCOPY . .\n', null)).toEqual([]);
  });
  it('counts a COPY in a stage the final one is built FROM', () => {
    expect(lint('FROM x AS base\nCOPY . /app\nFROM base\nCMD ["a"]\n', context(files, false))).toHaveLength(
      1,
    );
  });
});
