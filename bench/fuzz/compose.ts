/**
 * Fuzzing property of the compose reader: real corpus compose files mutated at random (YAML syntax,
 * anchors, interpolation, short forms) go through loading, interpolation, normalisation and every compose
 * rule. Nothing may throw; a file that cannot be read is an input error that names the file and, for YAML
 * problems, a line inside the text.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { auditCompose } from '../../src/compose/audit.js';
import { loadComposeProject } from '../../src/compose/load.js';
import { defaultConfig } from '../../src/config/settings.js';
import { composeRules } from '../../src/rules/compose/index.js';
import { type MutationOp, mutateText } from './properties.js';

const CORPUS = join(import.meta.dirname, '../../../shared/corpus/compose');

/** Seed texts: corpus compose files when present, else a few built-in ones. */
export function composeSeeds(limit = Number.POSITIVE_INFINITY): string[] {
  const out: string[] = [];
  if (existsSync(CORPUS)) {
    for (const repo of readdirSync(CORPUS).sort()) {
      for (const f of readdirSync(join(CORPUS, repo)).sort()) {
        out.push(readFileSync(join(CORPUS, repo, f), 'utf8'));
        if (out.length >= limit) return out;
      }
    }
  }
  if (out.length === 0)
    out.push(
      'services:\n  web:\n    image: nginx:${TAG:-1.27}\n    ports: ["80:80"]\n    privileged: true\n',
      'x-base: &base\n  restart: always\nservices:\n  db:\n    <<: *base\n    image: postgres\n    environment:\n      - POSTGRES_PASSWORD=secret\n',
      'version: "3"\nservices:\n  app:\n    build: .\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock\n',
    );
  return out;
}

/** Fragments that exercise YAML and compose edge cases when spliced into a file. */
const FRAGMENTS = [
  ':',
  ': ',
  '- ',
  '\n  - ',
  '\n    ',
  '&a ',
  '*a',
  '<<: *a\n',
  '${',
  '${X:?required}',
  '$$',
  '}',
  '{',
  '[',
  ']',
  '"',
  "'",
  '\t',
  '|\n',
  '>-\n',
  '!!binary ',
  '!reset ',
  '!override ',
  '? ',
  '\n---\n',
  '\n...\n',
  '#',
  '\r\n',
  '\uFEFF',
  '\u0000',
  '80:80',
  '"127.0.0.1:5432:5432/udp"',
  'privileged: true\n',
  'extends: x\n',
  'include: [a.yaml]\n',
  'build: .\n',
  'é',
  '~',
  'null',
  '0x1F',
];

export interface ComposeMutation {
  seed: number;
  ops: MutationOp[];
}

export const composeMutationArb = (seeds: number): fc.Arbitrary<ComposeMutation> =>
  fc.record({
    seed: fc.nat({ max: seeds - 1 }),
    ops: fc.array(
      fc.record({
        at: fc.double({ min: 0, max: 1, noNaN: true }),
        kind: fc.constantFrom('insert', 'delete', 'indent', 'duplicate-line'),
        fragment: fc.nat({ max: FRAGMENTS.length - 1 }),
        length: fc.integer({ min: 1, max: 30 }),
      }),
      { minLength: 1, maxLength: 5 },
    ),
  }) as fc.Arbitrary<ComposeMutation>;

export function mutateCompose(text: string, m: ComposeMutation): string {
  return mutateText(text, m.ops, FRAGMENTS);
}

const FILE = '/fuzz/compose.yaml';
const config = defaultConfig();
// Every other file (env files, extends, include, Dockerfiles) is missing: the run stays off the disk.
const missing = () => Promise.reject(Object.assign(new Error('ENOENT'), { code: 'ENOENT' }));

/** Loads and audits one compose text; throws on a crash, a rule failure or an error without position. */
export async function checkCompose(text: string): Promise<void> {
  const { project, errors } = await loadComposeProject([FILE], {
    cwd: '/fuzz',
    env: {},
    texts: new Map([[FILE, text]]),
    readText: missing,
  });
  const lines = text.split('\n').length;
  for (const e of errors) {
    if (!e.file || !e.message) throw new Error(`input error without file or message: ${JSON.stringify(e)}`);
    if (e.message.startsWith('invalid YAML') && !(e.line !== undefined && e.line >= 1 && e.line <= lines + 1))
      throw new Error(`YAML error without a line inside the text: ${JSON.stringify(e)}`);
  }
  if (!project) return;
  const failures: Array<{ rule: string; error: unknown }> = [];
  const findings = auditCompose(project, { config, rules: composeRules, failures: failures as never });
  if (failures.length > 0)
    throw new Error(
      `rule ${failures[0]!.rule} threw: ${String((failures[0]!.error as Error)?.stack ?? failures[0]!.error)}`,
    );
  for (const f of findings)
    if (f.file === FILE && !(f.line >= 1 && f.line <= lines + 1))
      throw new Error(`finding outside the text: ${f.rule} at ${f.line}:${f.column}`);
}
