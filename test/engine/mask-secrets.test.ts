import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/settings.js';
import { lintSources } from '../../src/engine/lint-files.js';
import { maskSecrets } from '../../src/engine/mask-secrets.js';
import { fixFiles } from '../../src/fix/apply.js';
import { renderJson } from '../../src/report/json.js';
import { renderTty } from '../../src/report/tty.js';
import { dockerfileRules } from '../../src/rules/dockerfile/index.js';
import { FAKE } from '../secrets/tokens.js';

/** Secret values written into the Dockerfile below; none may appear in any output. */
const SECRETS = [
  FAKE.github,
  FAKE.awsSecret,
  FAKE.npm,
  'Tr0ub4dor-and-3',
  'hunter2-but-longer',
  FAKE.stripeLive,
];

const DOCKERFILE = [
  'FROM node:20',
  `ENV GITHUB_TOKEN=${SECRETS[0]} NODE_ENV=production`,
  `ARG AWS_SECRET_ACCESS_KEY=${SECRETS[1]}`,
  `RUN npm config set //registry.npmjs.org/:_authToken=${SECRETS[2]} && npm ci`,
  `RUN curl -fsSL -u deploy:${SECRETS[3]} https://repo.example.com/a.tgz -o /a.tgz`,
  'COPY . /app',
  // chown-after-copy fixes this line: the dry-run diff shows it.
  `RUN chown -R node:node /app && echo "root:${SECRETS[4]}" | chpasswd`,
  'COPY <<EOF /app/.env',
  `STRIPE_KEY=${SECRETS[5]}`,
  'EOF',
  // A legacy ENV line: other rules report on it too, and their code frames show the line.
  `ENV API_TOKEN ${SECRETS[0]}`,
  `ENV DJANGO_SECRET_KEY="${SECRETS[6]}"`,
  'CMD ["node", "server.js"]',
  '',
].join('\n');

function leaks(output: string): string[] {
  return SECRETS.filter((s) => output.includes(s) || output.includes(s.slice(4)));
}

describe('secrets never appear in outputs', () => {
  it('masks code frames (tty) and keeps JSON free of values', async () => {
    const result = await lintSources([{ path: 'Dockerfile', text: DOCKERFILE }], {
      configFor: () => defaultConfig(),
      rules: dockerfileRules,
    });
    const rules = new Set(result.findings.map((f) => f.rule));
    for (const r of ['secret-value', 'secret-in-command', 'secret-arg-env-name']) expect(rules).toContain(r);
    const input = {
      tool: 'dockaudit' as const,
      version: 'test',
      command: 'lint',
      findings: result.findings,
      errors: result.errors,
      files: result.files,
      rules: dockerfileRules,
    };
    const tty = renderTty(input, { color: false, sources: result.sources });
    const json = renderJson(input);
    expect(leaks(tty)).toEqual([]);
    expect(leaks(json)).toEqual([]);
    // Code frames are still shown, with the redacted form in place of the value.
    expect(tty).toContain('ghp_');
    expect(tty).toMatch(/│ ENV GITHUB_TOKEN=ghp_\S*…/);
  });

  it('masks the diffs printed by fix --dry-run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dockaudit-mask-'));
    const path = join(dir, 'Dockerfile');
    writeFileSync(path, DOCKERFILE);
    const { reports } = await fixFiles([path], {
      configFor: async () => defaultConfig(),
      rules: dockerfileRules,
      unsafe: true,
      dryRun: true,
    });
    expect(reports[0]!.changed).toBe(true);
    expect(leaks(reports[0]!.diff)).toEqual([]);
  });

  it('merges overlapping spans and keeps line breaks of multi-line secrets', () => {
    const text = 'a SECRETVALUE1234 b\nKEY-----\nxyz\n-----END c';
    const masked = maskSecrets(text, [
      { start: 2, end: 10 },
      { start: 6, end: 17 },
      { start: 20, end: 40 },
    ]);
    expect(masked).not.toContain('SECRETVALUE1234');
    expect(masked.split('\n')).toHaveLength(text.split('\n').length);
  });
});
