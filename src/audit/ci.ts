/**
 * Ready-to-commit CI jobs that run dockaudit on the audited repository (GitHub Actions, GitLab CI, Gitea
 * Actions): the audit report as an artifact, lint annotations or a code-quality report, and — when the
 * build has the image reader — the built images scanned too. Paths and image names are the repository's.
 */
import { posix } from 'node:path';
import { shellQuote as quote } from './format.js';
import type { Translate } from './i18n/index.js';
import type { CiSnippet } from './types.js';

export interface CiInput {
  version: string;
  /** The audited folder relative to the repository root (`.` for the root). */
  dir: string;
  /** Images built from Dockerfiles: name, Dockerfile and context relative to `dir`. */
  images: { name: string; dockerfile: string; context: string }[];
  /** The image reader is available (`audit --image`). */
  canReadImages: boolean;
  /** The vulnerability database commands are available (`dockaudit db update`). */
  canScanVulnerabilities: boolean;
}

function imageCommands(input: CiInput, npx: string): { setup: string[]; build: string[]; flags: string } {
  if (!input.canReadImages || input.images.length === 0) return { setup: [], build: [], flags: '' };
  const build: string[] = [];
  const flags: string[] = [];
  for (const image of input.images) {
    const file = posix.join(input.dir, image.dockerfile);
    const context = posix.join(input.dir, image.context);
    const tag = `${image.name}:ci`;
    build.push(`docker build -t ${quote(tag)} -f ${quote(file)} ${quote(context)}`);
    build.push(`docker save ${quote(tag)} -o ${quote(`${image.name}.tar`)}`);
    flags.push(`--image ${quote(`${image.name}=${image.name}.tar`)}`);
  }
  const setup = input.canScanVulnerabilities ? [`${npx} db update`] : [];
  return { setup, build, flags: ` ${flags.join(' ')}` };
}

function githubLike(input: CiInput, t: Translate, system: 'github' | 'gitea'): CiSnippet {
  const npx = `npx --yes dockaudit@${input.version}`;
  const images = imageCommands(input, npx);
  const dir = quote(input.dir);
  const run = (lines: string[]) =>
    lines.length === 1
      ? [`        run: ${lines[0]}`]
      : ['        run: |', ...lines.map((l) => `          ${l}`)];
  const text = [
    `# ${t('ci.comment')}`,
    'name: dockaudit',
    'on:',
    '  push:',
    '  pull_request:',
    'jobs:',
    '  dockaudit:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - uses: actions/checkout@v4',
    '      - uses: actions/setup-node@v4',
    '        with:',
    '          node-version: 20',
    `      - name: ${t('ci.stepLint')}`,
    ...run([`${npx} lint ${dir} --format github --no-fail`]),
    ...(images.build.length > 0
      ? [`      - name: ${t('ci.stepBuild')}`, ...run([...images.setup, ...images.build])]
      : []),
    `      - name: ${t('ci.stepAudit')}`,
    ...run([
      `${npx} audit ${dir}${images.flags} --format html --output dockaudit-report.html --no-fail`,
      `${npx} audit ${dir}${images.flags} --output dockaudit-report.md --failure-threshold error`,
    ]),
    '      - if: always()',
    '        uses: actions/upload-artifact@v4',
    '        with:',
    '          name: dockaudit-report',
    '          path: dockaudit-report.*',
  ];
  return {
    system,
    path: system === 'github' ? '.github/workflows/dockaudit.yml' : '.gitea/workflows/dockaudit.yml',
    text: `${text.join('\n')}\n`,
  };
}

function gitlab(input: CiInput, t: Translate): CiSnippet {
  const npx = `npx --yes dockaudit@${input.version}`;
  const dir = quote(input.dir);
  const images = imageCommands(input, npx);
  const lines = [
    `# ${t('ci.comment')}`,
    'dockaudit:',
    '  stage: test',
    ...(images.build.length > 0
      ? [
          '  image: docker:27',
          '  services:',
          '    - docker:27-dind',
          '  before_script:',
          '    - apk add --no-cache nodejs npm',
        ]
      : ['  image: node:20']),
    '  script:',
    `    - ${npx} lint ${dir} --format gitlab --output gl-code-quality-report.json --no-fail`,
    ...[...images.setup, ...images.build].map((l) => `    - ${l}`),
    `    - ${npx} audit ${dir}${images.flags} --format html --output dockaudit-report.html --no-fail`,
    `    - ${npx} audit ${dir}${images.flags} --output dockaudit-report.md --failure-threshold error`,
    '  artifacts:',
    '    when: always',
    '    paths:',
    '      - dockaudit-report.md',
    '      - dockaudit-report.html',
    '    reports:',
    '      codequality: gl-code-quality-report.json',
  ];
  return { system: 'gitlab', path: '.gitlab-ci.yml', text: `${lines.join('\n')}\n` };
}

export function ciSnippets(input: CiInput, t: Translate): CiSnippet[] {
  return [githubLike(input, t, 'github'), gitlab(input, t), githubLike(input, t, 'gitea')];
}
