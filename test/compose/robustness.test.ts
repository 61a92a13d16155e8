import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auditCompose } from '../../src/compose/audit.js';
import { substitute } from '../../src/compose/interpolate.js';
import { loadComposeProject } from '../../src/compose/load.js';
import { defaultConfig } from '../../src/config/settings.js';
import { composeRules } from '../../src/rules/compose/index.js';

const SEED = [
  'version: "3.8"',
  'x-common: &common',
  '  restart: always',
  '  logging: {driver: json-file, options: {max-size: 10m}}',
  'services:',
  '  web:',
  '    <<: *common',
  '    image: nginx:${TAG:-latest}',
  '    ports: ["80:80", "127.0.0.1:8443:443/tcp", {target: 9000, published: "9000"}]',
  '    volumes: [/var/run/docker.sock:/var/run/docker.sock:ro, ./data:/data]',
  '    environment: [DB_PASSWORD=hunter2, MODE]',
  '    depends_on: {db: {condition: service_started}}',
  '    extends: db',
  '  db:',
  '    image: postgres:16',
  '    healthcheck: {test: [CMD, pg_isready]}',
  '    profiles: [dev]',
  '    build: {context: ., dockerfile_inline: "FROM alpine\\nUSER root\\n"}',
  '',
].join('\n');

const FRAGMENTS = [
  '${',
  '}',
  '$$',
  '&a ',
  '*a',
  '<<: ',
  '- ',
  ': ',
  '\n  ',
  '\t',
  '"',
  "'",
  '[',
  ']',
  '{',
  '}',
  '#',
  '!reset ',
  '---\n',
  '\r\n',
  '\u00e9',
];

const config = defaultConfig();
config.enabled.push(...composeRules.map((r) => r.id));

async function auditText(text: string) {
  const { project } = await loadComposeProject(['compose.yaml'], {
    cwd: '/virtual',
    env: {},
    texts: new Map([['/virtual/compose.yaml', text]]),
    readText: () => Promise.reject(Object.assign(new Error('no'), { code: 'ENOENT' })),
  });
  if (!project) return [];
  const failures: unknown[] = [];
  const findings = auditCompose(project, { config, rules: composeRules, failures: failures as never[] });
  expect(failures).toEqual([]);
  return findings;
}

describe('robustness', () => {
  it('loads and audits mutated compose files without throwing, with positions inside the file', async () => {
    const mutation = fc.array(
      fc.tuple(fc.nat({ max: SEED.length }), fc.constantFrom(...FRAGMENTS), fc.nat({ max: 3 })),
      { maxLength: 6 },
    );
    await fc.assert(
      fc.asyncProperty(mutation, async (edits) => {
        let text = SEED;
        for (const [at, fragment, cut] of edits) text = text.slice(0, at) + fragment + text.slice(at + cut);
        const lines = text.split('\n').length;
        for (const f of await auditText(text)) {
          expect(f.line).toBeGreaterThanOrEqual(1);
          expect(f.endLine).toBeLessThanOrEqual(lines);
          expect(f.column).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: 200, seed: 7 },
    );
  });

  it('interpolates any text without throwing', () => {
    const chars = fc.constantFrom('$', '{', '}', ':', '-', '?', '+', 'A', '_', '1', ' ', '/');
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 30 }), (parts) => {
        const s = substitute(parts.join(''), (n) => (n === 'A' ? 'x' : undefined));
        expect(typeof s.value).toBe('string');
      }),
      { numRuns: 500, seed: 7 },
    );
  });
});
