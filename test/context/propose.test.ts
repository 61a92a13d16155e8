import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { analyzeContext } from '../../src/context/analyze.js';
import { DockerignoreMatcher, parseDockerignore } from '../../src/context/dockerignore.js';
import { proposeDockerignore } from '../../src/context/propose.js';
import { detectStacks, findServiceDirs } from '../../src/context/stacks.js';
import { type Fixture, makeFixture } from './fixture.js';
import { tree } from './tree.js';

let fixture: Fixture | null = null;
afterEach(() => fixture?.cleanup());

const matcherOf = (text: string) => {
  const parsed = parseDockerignore(text);
  expect(parsed.errors).toEqual([]);
  return new DockerignoreMatcher(parsed.patterns);
};

describe('proposed .dockerignore for the seed-shaped fixture (.env, key file, node_modules)', () => {
  it('excludes secrets, dependencies, caches and .git, and keeps what the image needs', () => {
    fixture = makeFixture();
    const model = analyzeContext(fixture.root);
    const root = model.proposals.find((p) => p.path === '.dockerignore')!;
    expect(root.stacks).toEqual(['python', 'node', 'generic']);
    const m = matcherOf(root.text);
    for (const p of [
      '.env',
      'frontend-agent/.env',
      'deploy_key.pem',
      'node_modules/left-pad/index.js',
      'frontend-agent/node_modules/vite/index.js',
      'app/__pycache__/main.cpython-312.pyc',
      '.git/HEAD',
      'docs/guide.md',
      'tests/test_main.py',
    ])
      expect(m.isExcluded(p), p).toBe(true);
    for (const p of [
      'requirements.txt',
      'app/main.py',
      'app/config.py',
      '.env.example',
      'frontend-agent/src/main.ts',
    ])
      expect(m.isExcluded(p), p).toBe(false);
  });

  it('proposes one file per service folder with its own Dockerfile (seed 000 §4)', () => {
    fixture = makeFixture();
    const model = analyzeContext(fixture.root);
    const agent = model.proposals.find((p) => p.path === 'frontend-agent/.dockerignore')!;
    expect(agent.stacks).toEqual(['node', 'generic']);
    const m = matcherOf(agent.text);
    // Relative to the service folder, which is its own build context.
    expect(m.isExcluded('node_modules/vite/index.js')).toBe(true);
    expect(m.isExcluded('dist/index.html')).toBe(true);
    expect(m.isExcluded('.env')).toBe(true);
    expect(m.isExcluded('nginx.conf')).toBe(false);
    expect(m.isExcluded('package.json')).toBe(false);
  });

  it('once written, the findings about secrets, dependencies and .git are gone', () => {
    fixture = makeFixture();
    const before = analyzeContext(fixture.root);
    expect(before.secretFiles.length).toBeGreaterThan(0);
    writeFileSync(join(fixture.root, '.dockerignore'), before.proposals[0]!.text);
    const after = analyzeContext(fixture.root);
    expect(after.secretFiles).toEqual([]);
    expect(after.notableDirs).toEqual([]);
    expect(after.missingSources).toEqual([]);
    // app/settings.yaml holds secrets but is application code: it stays, and is still reported.
    expect(after.secrets.map((s) => s.path)).toEqual(['app/settings.yaml', 'app/settings.yaml']);
  });

  it('keeps a file the Dockerfile copies with an exception line', () => {
    const dir = tree({ 'docs/openapi.yaml': 'x', 'app.py': '', 'requirements.txt': '', Dockerfile: '' });
    const proposal = proposeDockerignore({
      dir,
      dockerfiles: [
        {
          path: 'Dockerfile',
          text: 'FROM python\nCOPY docs/openapi.yaml /srv/\n',
          sources: ['docs/openapi.yaml'],
        },
      ],
    });
    expect(proposal.kept).toEqual(['!docs/openapi.yaml']);
    expect(matcherOf(proposal.text).isExcluded('docs/openapi.yaml')).toBe(false);
    expect(proposal.text).toContain('# Copied by the Dockerfile: keep\n!docs/openapi.yaml\n');
  });

  it('keeps tests when the Dockerfile runs them', () => {
    const dir = tree({ 'tests/test_x.py': '', 'pyproject.toml': '' });
    const runs = proposeDockerignore({
      dir,
      dockerfiles: [{ path: 'D', text: 'RUN pytest -q\n', sources: [] }],
    });
    const not = proposeDockerignore({
      dir,
      dockerfiles: [{ path: 'D', text: 'RUN pip install .\n', sources: [] }],
    });
    expect(matcherOf(runs.text).isExcluded('tests/test_x.py')).toBe(false);
    expect(matcherOf(not.text).isExcluded('tests/test_x.py')).toBe(true);
  });

  it('lists secret files no pattern covers by name', () => {
    const dir = tree({ 'conf/prod-credentials.json': '{}', 'main.go': '', 'go.mod': '' });
    const p = proposeDockerignore({ dir, dockerfiles: [], secretPaths: ['conf/prod-credentials.json'] });
    expect(p.stacks).toEqual(['go', 'generic']);
    expect(matcherOf(p.text).isExcluded('conf/prod-credentials.json')).toBe(true);
  });
});

describe('stacks and services', () => {
  it('detects stacks by manifest and service folders by Dockerfile', () => {
    const dir = tree({
      'pom.xml': '',
      'api/Dockerfile': '',
      'api/go.mod': '',
      'web/app/Containerfile': '',
      'node_modules/x/Dockerfile': '',
      'docs/readme.md': '',
    });
    expect(detectStacks(dir)).toEqual(['java', 'generic']);
    expect(detectStacks(join(dir, 'api'))).toEqual(['go', 'generic']);
    expect(findServiceDirs(dir)).toEqual([
      { path: 'api', dockerfiles: ['Dockerfile'] },
      { path: 'web/app', dockerfiles: ['Containerfile'] },
    ]);
    expect(readFileSync(join(dir, 'pom.xml'), 'utf8')).toBe('');
  });
});
