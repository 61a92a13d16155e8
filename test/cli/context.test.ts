import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runContext } from '../../src/cli/context.js';
import { type Fixture, makeFixture } from '../context/fixture.js';
import { tree } from '../context/tree.js';
import { FAKE } from '../secrets/tokens.js';

let fixture: Fixture | null = null;
afterEach(() => fixture?.cleanup());

/** Every secret value the fixture holds: none may appear in any output. */
const SECRETS = [
  FAKE.github,
  FAKE.github.slice(4, 20),
  's3cr3t-Db-Passw0rd',
  'Zq8Lm3Xv7Tb2Nk9P',
  'Zq8Lm3Xv7Tb2Nk9PcHd6Js1F',
  FAKE.privateKey.split('\n')[1]!,
  FAKE.privateKey.split('\n')[1]!.slice(0, 16),
];

async function run(args: { dir: string; format: string; extra?: Record<string, unknown> }) {
  const output = join(args.dir, `.out-${args.format}-${Math.random().toString(36).slice(2)}`);
  const code = await runContext(args.dir, { format: args.format, output, color: false, ...args.extra });
  return { code, text: readFileSync(output, 'utf8') };
}

describe('dockaudit context', () => {
  it('JSON: findings, the context data under its own key, and no secret value anywhere', async () => {
    fixture = makeFixture();
    const { code, text } = await run({ dir: fixture.root, format: 'json', extra: { entropy: true } });
    expect(code).toBe(1);
    const doc = JSON.parse(text);
    expect(doc.tool).toBe('dockaudit');
    expect(doc.context.sent.files).toBe(24);
    expect(doc.context.copies.map((c: { line: number }) => c.line)).toEqual([3, 9]);
    expect(doc.context.secretFiles.map((f: { path: string }) => f.path)).toEqual([
      '.env',
      'deploy_key.pem',
      'frontend-agent/.env',
    ]);
    expect(doc.context.secrets.length).toBeGreaterThanOrEqual(4);
    expect(doc.context.proposals.map((p: { path: string }) => p.path)).toEqual([
      '.dockerignore',
      'frontend-agent/.dockerignore',
    ]);
    const codes = new Set(doc.findings.map((f: { code: string }) => f.code));
    for (const c of ['DA6001', 'DA6002', 'DA6003', 'DA6004', 'DA6006', 'DA6009'])
      expect(codes.has(c), c).toBe(true);
    for (const s of SECRETS) expect(text.includes(s), s).toBe(false);
  });

  it('tty: a summary of what the context sends, findings, and no secret value anywhere', async () => {
    fixture = makeFixture();
    const { text } = await run({ dir: fixture.root, format: 'tty', extra: { showProposal: true } });
    expect(text).toMatch(/Build context .*\n {2}Dockerfile {3}.*Dockerfile\n {2}ignore file {2}none/);
    expect(text).toMatch(/sends {8}1\.\d kB in 24 files/);
    expect(text).toMatch(/line 9 +COPY \. → 25 files/);
    expect(text).toContain('**/node_modules');
    expect(text).toMatch(/secret-in-context-file DA6006/);
    for (const s of SECRETS) expect(text.includes(s), s).toBe(false);
  });

  it('--write creates the proposals atomically and never replaces an existing file without --force', async () => {
    fixture = makeFixture();
    const agentIgnore = join(fixture.root, 'frontend-agent/.dockerignore');
    writeFileSync(agentIgnore, 'mine\n');
    const first = await run({ dir: fixture.root, format: 'json', extra: { write: true } });
    const doc = JSON.parse(first.text);
    expect(doc.context.proposals.map((p: { written: boolean }) => p.written)).toEqual([true, false]);
    expect(readFileSync(join(fixture.root, '.dockerignore'), 'utf8')).toContain('**/.env');
    expect(readFileSync(agentIgnore, 'utf8')).toBe('mine\n');
    const forced = await run({ dir: fixture.root, format: 'json', extra: { write: true, force: true } });
    expect(JSON.parse(forced.text).context.proposals.map((p: { written: boolean }) => p.written)).toEqual([
      true,
      true,
    ]);
    expect(readFileSync(agentIgnore, 'utf8')).toContain('**/node_modules');
  });

  it('after writing the proposal, secret files, .git and node_modules are no longer sent', async () => {
    fixture = makeFixture();
    await run({ dir: fixture.root, format: 'json', extra: { write: true } });
    const doc = JSON.parse((await run({ dir: fixture.root, format: 'json' })).text);
    const codes = new Set(doc.findings.map((f: { code: string }) => f.code));
    for (const c of ['DA6001', 'DA6002', 'DA6003', 'DA6004']) expect(codes.has(c), c).toBe(false);
    expect(doc.context.ignoreFile.kind).toBe('context');
  });

  it('an invalid .dockerignore line is an input error with file and line (exit 2)', async () => {
    const dir = tree({ Dockerfile: 'FROM x\nCOPY . .\n', '.dockerignore': '.git\n!\n' });
    const { code, text } = await run({ dir, format: 'json' });
    expect(code).toBe(2);
    expect(JSON.parse(text).errors).toMatchObject([{ line: 2, message: 'illegal exclusion pattern: "!"' }]);
  });

  it('a missing folder or Dockerfile is an input error (exit 2)', async () => {
    const dir = tree({ 'a.txt': '' });
    const missing = await run({ dir, format: 'json', extra: { dockerfile: join(dir, 'nope.Dockerfile') } });
    expect(missing.code).toBe(2);
    expect(JSON.parse(missing.text).errors[0].message).toMatch(/no such Dockerfile/);
    await expect(
      runContext(join(dir, 'nope'), { format: 'json', output: join(dir, 'o.json') }),
    ).resolves.toBe(2);
  });
});
