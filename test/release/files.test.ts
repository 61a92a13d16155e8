import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import type { FromInstruction, Instruction } from '../../src/dockerfile/model.js';
import { parseDockerfile } from '../../src/dockerfile/parse.js';
import { isDockerfileName } from '../../src/engine/lint-files.js';
import { FORMATS } from '../../src/report/types.js';
import { ROOT, runCli } from '../helpers/cli.js';

const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

describe("the project's own Dockerfile", () => {
  it('passes dockaudit lint with nothing at warning or above', async () => {
    const r = await runCli(['lint', '--failure-threshold', 'warning', '-f', 'json', 'Dockerfile']);
    const doc = JSON.parse(r.stdout);
    expect(doc.errors).toBeUndefined();
    expect(
      doc.findings.filter((f: { severity: string }) => f.severity === 'error' || f.severity === 'warning'),
    ).toEqual([]);
    expect(r.code).toBe(0);
  });

  it('is multi-stage, pinned by tag and digest, non-root with a fixed UID, with an exec-form ENTRYPOINT', () => {
    const file = parseDockerfile(read('Dockerfile'), 'Dockerfile');
    const froms = file.instructions.filter((i): i is FromInstruction => i.keyword === 'FROM');
    expect(froms.length).toBeGreaterThanOrEqual(2);
    for (const from of froms) expect(from.image?.value).toMatch(/^[\w./-]+:[\w.-]+@sha256:[0-9a-f]{64}$/);
    const last = (keyword: string): Instruction | undefined =>
      file.instructions.filter((i) => i.keyword === keyword && i.stage === froms.length - 1).at(-1);
    const user = last('USER');
    expect(user?.argsText).toMatch(/^[1-9]\d*:[1-9]\d*$/);
    const entrypoint = last('ENTRYPOINT') as (Instruction & { form: string }) | undefined;
    expect(entrypoint?.form).toBe('exec');
    // No probe for a CLI: switched off explicitly, and the comment above it says why.
    expect(last('HEALTHCHECK')?.argsText).toBe('NONE');
    expect(read('Dockerfile')).toMatch(/# .*command-line tool.*\n(#.*\n)*HEALTHCHECK NONE/);
  });
});

describe('pre-commit hooks', () => {
  const hooks = parseYaml(read('.pre-commit-hooks.yaml')) as {
    id: string;
    entry: string;
    language: string;
    files: string;
    exclude: string;
  }[];

  it('run dockaudit lint with npm or the container image', () => {
    expect(hooks.map((h) => [h.id, h.language, h.entry])).toEqual([
      ['dockaudit', 'node', 'dockaudit lint'],
      ['dockaudit-docker', 'docker', 'dockaudit lint'],
    ]);
  });

  // pre-commit uses Python's re.search; `(?i)` is the only construct JavaScript reads differently.
  const pyRegex = (pattern: string) => new RegExp(pattern.replace(/^\(\?i\)/, ''), 'i');
  it.each([
    'Dockerfile',
    'dockerfile',
    'Containerfile',
    'Dockerfile.prod',
    'Dockerfile-dev',
    'api.Dockerfile',
    'web.containerfile',
    'Dockerfile.md',
    'Dockerfile.yaml',
    'MyDockerfile',
    'README.md',
    'docker-compose.yml',
  ])('select %s exactly when folder discovery does', (name) => {
    for (const hook of hooks) {
      for (const path of [name, `services/api/${name}`]) {
        const selected = pyRegex(hook.files).test(path) && !pyRegex(hook.exclude).test(path);
        expect(selected, `${hook.id}: ${path}`).toBe(isDockerfileName(name));
      }
    }
  });
});

describe('GitHub Action', () => {
  const action = parseYaml(read('action.yml'));

  it('is a composite action with inputs for paths, format, failure threshold, output and baseline', () => {
    expect(action.runs.using).toBe('composite');
    for (const input of ['paths', 'format', 'failure-threshold', 'output', 'baseline', 'version'])
      expect(action.inputs[input]?.description, input).toBeTruthy();
    for (const format of FORMATS) expect(action.inputs.format.description).toContain(format);
    // A GitHub expression, not a JavaScript template.
    expect(action.outputs['exit-code'].value).toBe(['$', '{{ steps.lint.outputs.exit-code }}'].join(''));
  });

  it('passes inputs to scripts through the environment only', () => {
    for (const step of action.runs.steps) {
      if (step.run) expect(step.run, step.name).not.toContain(['$', '{{'].join(''));
    }
  });
});

describe('versioning', () => {
  it('keeps a Keep-a-Changelog file with an Unreleased section and semantic versions', () => {
    const changelog = read('CHANGELOG.md');
    const headings = [...changelog.matchAll(/^## \[([^\]]+)\](.*)$/gm)].map((m) => [m[1], m[2]]);
    expect(headings[0]).toEqual(['Unreleased', '']);
    // Released versions: `## [1.2.3] - 2026-01-31`.
    for (const [version, date] of headings.slice(1)) {
      expect(version).toMatch(/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/);
      expect(date).toMatch(/^ - \d{4}-\d{2}-\d{2}$/);
    }
    expect(changelog).toMatch(/^\[Unreleased\]: https:\/\//m);
    const pkg = JSON.parse(read('package.json'));
    expect(pkg.version).toMatch(/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/);
  });
});
