/**
 * A proposed `.dockerignore` for the stacks found in a context (and one per service folder that has
 * its own Dockerfile, as in seed 000 §4). Every pattern is written the way Docker reads it: anchored at
 * the context root, with `**\/` where it must match at any depth (a bare `__pycache__/` only matches
 * at the root, a common mistake). The proposal is checked against the Dockerfile: a file a COPY/ADD
 * names is kept with an exception line, so the proposal never breaks the build.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { globMatch } from './copy.js';
import { DockerignoreMatcher, parseDockerignore } from './dockerignore.js';
import { cleanPath } from './go-pattern.js';
import { detectStacks, orderStacks, type Stack } from './stacks.js';

export interface ProposalInput {
  /** Absolute path of the folder the ignore file is for (a build context). */
  dir: string;
  /** Dockerfile texts built from this context (to keep what they copy and see what they run). */
  dockerfiles: { path: string; text: string; sources: string[] }[];
  /** Sent paths (relative to `dir`) that hold secrets, to exclude by name when no pattern covers them. */
  secretPaths?: string[];
  /** Stacks found deeper in the context (a root context that holds several services). */
  moreStacks?: Stack[];
}

export interface IgnoreProposal {
  stacks: Stack[];
  text: string;
  /** Exceptions added because a Dockerfile copies what a pattern would exclude. */
  kept: string[];
}

interface Section {
  title: string;
  lines: string[];
}

const TEST_RUNNERS =
  /\b(?:pytest|tox|nox|npm (?:run )?test|yarn test|pnpm test|jest|vitest|mocha|go test|mvn (?:\S+ )*(?:test|verify)|gradlew? (?:\S+ )*(?:test|check)|unittest)\b/;
const BUILDS_INSIDE =
  /\b(?:npm run build|yarn build|pnpm (?:run )?build|ng build|vite build|next build|tsc\b|go build|mvn|gradle|gradlew|python -m build|pip wheel)\b/;

function present(dir: string, name: string): boolean {
  return existsSync(join(dir, name));
}

function sections(dir: string, stacks: Stack[], runs: string): Section[] {
  const out: Section[] = [
    { title: 'Version control', lines: ['**/.git', '.gitignore', '.gitattributes'] },
    {
      title: 'Secrets: never send them (use RUN --mount=type=secret for build-time credentials)',
      lines: [
        '**/.env',
        '**/.env.*',
        '!**/.env.example',
        '!**/.env.sample',
        '**/*.pem',
        '**/*.key',
        '**/id_rsa*',
        '**/id_ed25519*',
        '**/id_ecdsa*',
        '**/.git-credentials',
        '**/*.tfstate*',
      ],
    },
    {
      title: 'Editors, OS and logs',
      lines: ['.idea', '.vscode', '**/*.swp', '**/.DS_Store', '**/Thumbs.db', '**/*.log'],
    },
    {
      title: 'Docker files (the builder reads the Dockerfile on its own)',
      lines: [
        '**/Dockerfile*',
        '**/*.dockerignore',
        '.dockerignore',
        '**/docker-compose*.y*ml',
        '**/compose*.y*ml',
      ],
    },
  ];
  const buildsInside = BUILDS_INSIDE.test(runs);
  if (stacks.includes('python'))
    out.push({
      title: 'Python',
      lines: [
        '**/__pycache__',
        '**/*.py[cod]',
        '**/.pytest_cache',
        '**/.mypy_cache',
        '**/.ruff_cache',
        '**/.tox',
        '**/.nox',
        '**/.venv',
        '**/venv',
        '**/*.egg-info',
        '**/.coverage',
        '**/htmlcov',
        '**/.ipynb_checkpoints',
      ],
    });
  if (stacks.includes('node'))
    out.push({
      title: 'Node.js',
      lines: [
        '**/node_modules',
        '**/.npm',
        '**/.pnpm-store',
        '**/.yarn/cache',
        '**/coverage',
        '**/.nyc_output',
        '**/.turbo',
        '**/.next/cache',
        ...(buildsInside ? ['**/dist', '**/build'] : []),
      ],
    });
  if (stacks.includes('go'))
    out.push({ title: 'Go', lines: ['**/*.test', '**/*.out', ...(buildsInside ? ['bin'] : [])] });
  if (stacks.includes('java'))
    out.push({
      title: 'Java',
      lines: ['**/.gradle', '**/*.class', ...(buildsInside ? ['**/target', '**/build', '**/out'] : [])],
    });
  if (!TEST_RUNNERS.test(runs)) {
    const tests = ['tests', 'test', '__tests__', 'spec', 'e2e'].filter((t) => present(dir, t));
    const docs = ['docs', 'doc'].filter((d) => present(dir, d));
    if (tests.length + docs.length > 0)
      out.push({
        title: 'Tests and documentation (the image does not run them)',
        lines: [...tests, ...docs],
      });
  }
  return out;
}

/** Paths on disk (relative to `dir`) that a COPY source names, resolving wildcards element by element. */
function sourcePaths(dir: string, source: string): string[] {
  const path = cleanPath(`/${source}`).slice(1);
  if (path === '') return [];
  let current = [''];
  for (const part of path.split('/')) {
    const next: string[] = [];
    for (const base of current) {
      if (!/[*?[]/.test(part)) {
        const p = base === '' ? part : `${base}/${part}`;
        if (existsSync(join(dir, p))) next.push(p);
        continue;
      }
      let names: string[] = [];
      try {
        names = readdirSync(join(dir, base));
      } catch {
        names = [];
      }
      for (const n of names) if (globMatch(part, n)) next.push(base === '' ? n : `${base}/${n}`);
    }
    current = next;
  }
  return current;
}

/** Matchers of proposal texts: many contexts of one repository get the same sections. */
const MATCHERS = new Map<string, DockerignoreMatcher>();

function matcherOf(text: string): DockerignoreMatcher {
  let matcher = MATCHERS.get(text);
  if (!matcher) {
    if (MATCHERS.size >= 64) MATCHERS.clear();
    matcher = new DockerignoreMatcher(parseDockerignore(text).patterns);
    MATCHERS.set(text, matcher);
  }
  return matcher;
}

/** Builds the proposed ignore file for one context folder. */
export function proposeDockerignore(input: ProposalInput): IgnoreProposal {
  const stacks = orderStacks([...detectStacks(input.dir), ...(input.moreStacks ?? [])]);
  const runs = input.dockerfiles.map((d) => d.text).join('\n');
  const parts = sections(input.dir, stacks, runs);
  const base = parts.flatMap((s) => s.lines);
  const matcher = matcherOf(base.join('\n'));
  const extra = (input.secretPaths ?? []).filter((p) => !matcher.isExcluded(p));
  if (extra.length > 0) parts.push({ title: 'Secret files found in this context', lines: extra });

  // Keep what the Dockerfiles copy: an exception for each source the patterns would leave out.
  const all = parts.flatMap((s) => s.lines);
  const finalMatcher = matcherOf(all.join('\n'));
  const kept: string[] = [];
  for (const d of input.dockerfiles)
    for (const source of d.sources) {
      const paths = sourcePaths(input.dir, source);
      if (paths.length === 0 || !paths.every((p) => finalMatcher.isExcluded(p))) continue;
      const line = `!${cleanPath(`/${source}`).slice(1)}`;
      if (!kept.includes(line)) kept.push(line);
    }
  if (kept.length > 0) parts.push({ title: 'Copied by the Dockerfile: keep', lines: kept });

  const header = [
    `# Proposed by dockaudit for this context (${stacks.join(', ')}).`,
    '# Docker reads these patterns from the context root: a bare name matches only at the root,',
    '# **/ matches at any depth, and the last matching line wins (! re-includes).',
  ];
  const body = parts.map((s) => [`# ${s.title}`, ...s.lines].join('\n'));
  return { stacks, text: `${[header.join('\n'), ...body].join('\n\n')}\n`, kept };
}

/** Reads a file's text, or null. */
export function readTextOrNull(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}
