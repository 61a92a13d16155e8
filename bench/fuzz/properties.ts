/**
 * Fuzzing properties shared by `npm run fuzz` (long runs) and the test suite (a short seeded round):
 * inputs are real corpus Dockerfiles mutated at random, and generated shell text.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { defaultConfig } from '../../src/config/settings.js';
import { DockerfileAnalysis } from '../../src/dockerfile/analysis.js';
import { parseDockerfile } from '../../src/dockerfile/parse.js';
import { readShellCommands } from '../../src/dockerfile/shell-commands.js';
import { lintDockerfile } from '../../src/engine/lint-dockerfile.js';
import { blockingProblems, fixDockerfileText } from '../../src/fix/dockerfile.js';
import { dockerfileRules } from '../../src/rules/dockerfile/index.js';

const CORPUS = join(import.meta.dirname, '../../../shared/corpus/dockerfiles');

/** Seed texts: corpus files when present, else a few built-in Dockerfiles. */
export function seedTexts(limit = Number.POSITIVE_INFINITY): string[] {
  const out: string[] = [];
  if (existsSync(CORPUS)) {
    for (const repo of readdirSync(CORPUS).sort()) {
      for (const f of readdirSync(join(CORPUS, repo)).sort()) {
        out.push(readFileSync(join(CORPUS, repo, f), 'utf8'));
        if (out.length >= limit) return out;
      }
    }
  }
  if (out.length === 0) {
    out.push(
      'FROM debian:12\nRUN apt-get update && \\\n    apt-get install curl\nCMD ["curl"]\n',
      '# syntax=docker/dockerfile:1\nARG V=1\nFROM alpine:$V AS b\nRUN <<EOF\napk add x\nEOF\nFROM b\nCOPY --from=b / /\n',
      '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN dir `\n  && echo x\n',
    );
  }
  return out;
}

/** Fragments that exercise the reader's edge cases when spliced into a file. */
const FRAGMENTS = [
  '\\',
  '\\\n',
  '`',
  '"',
  "'",
  '[',
  ']',
  '<<EOF',
  '<<-"X"',
  '\nEOF\n',
  '$(',
  '${',
  '}',
  '&&',
  '||',
  '|',
  ';',
  '(',
  ')',
  '#',
  '\n# comment\n',
  '\r\n',
  '\uFEFF',
  '\t',
  ' ',
  '\n\n',
  'RUN ',
  'FROM ',
  'COPY --from=',
  'ONBUILD ',
  '--mount=type=cache,target=/x ',
  'sh -c "',
  'if then fi',
  'case x in',
  '$((1+',
  '`echo',
  '\u0000',
  'é',
  '"]',
  '["a", ',
];

export interface Mutation {
  seed: number;
  ops: MutationOp[];
}

export const mutationArb = (seeds: number): fc.Arbitrary<Mutation> =>
  fc.record({
    seed: fc.nat({ max: seeds - 1 }),
    ops: fc.array(
      fc.record({
        at: fc.double({ min: 0, max: 1, noNaN: true }).map((x) => x),
        kind: fc.constantFrom('insert', 'delete', 'duplicate-line', 'swap-lines'),
        fragment: fc.nat({ max: FRAGMENTS.length - 1 }),
        length: fc.integer({ min: 1, max: 40 }),
      }),
      { minLength: 1, maxLength: 6 },
    ),
  }) as fc.Arbitrary<Mutation>;

/** One edit of a mutation: where (0–1 of the text), what, and with which fragment or length. */
export interface MutationOp {
  at: number;
  kind: 'insert' | 'delete' | 'duplicate-line' | 'swap-lines' | 'indent';
  fragment: number;
  length: number;
}

/** Applies mutation edits to a text, inserting from `fragments` (shared by every fuzzed reader). */
export function mutateText(text: string, ops: readonly MutationOp[], fragments: readonly string[]): string {
  let t = text;
  for (const op of ops) {
    const at = Math.floor(op.at * t.length);
    if (op.kind === 'insert') t = t.slice(0, at) + fragments[op.fragment]! + t.slice(at);
    else if (op.kind === 'delete') t = t.slice(0, at) + t.slice(at + op.length);
    else {
      const lines = t.split('\n');
      const i = Math.floor(op.at * lines.length);
      if (op.kind === 'duplicate-line') lines.splice(i, 0, lines[i] ?? '');
      else if (op.kind === 'indent') lines[i] = `${' '.repeat(op.length % 5)}${lines[i] ?? ''}`;
      else if (i + 1 < lines.length) [lines[i], lines[i + 1]] = [lines[i + 1]!, lines[i]!];
      t = lines.join('\n');
    }
  }
  return t;
}

export function mutate(text: string, m: Mutation): string {
  return mutateText(text, m.ops, FRAGMENTS);
}

const config = defaultConfig();

/**
 * The whole Dockerfile pipeline on one text must not throw; fixing must be idempotent and must not
 * make the file read worse than before.
 */
export function checkDockerfile(text: string, withFix: boolean): void {
  const file = parseDockerfile(text, 'Dockerfile');
  const analysis = new DockerfileAnalysis(file);
  for (const inst of file.instructions) {
    analysis.commandsOf(inst);
    if (inst.keyword !== 'UNKNOWN') analysis.scopeOf(inst);
  }
  void analysis.stageGraph;
  const failures: Array<{ rule: string; error: unknown }> = [];
  lintDockerfile(file, { config, rules: dockerfileRules, failures: failures as never });
  if (failures.length > 0)
    throw new Error(
      `rule ${failures[0]!.rule} threw: ${String((failures[0]!.error as Error)?.stack ?? failures[0]!.error)}`,
    );
  if (!withFix) return;
  const once = fixDockerfileText(text, 'Dockerfile', { config, rules: dockerfileRules, unsafe: true });
  if (!once.changed) return;
  const before = blockingProblems(file).length;
  const after = blockingProblems(parseDockerfile(once.output, 'Dockerfile')).length;
  if (after > before) throw new Error(`fix made the file unreadable:\n${once.output}`);
  const twice = fixDockerfileText(once.output, 'Dockerfile', {
    config,
    rules: dockerfileRules,
    unsafe: true,
  });
  if (twice.changed)
    throw new Error(`fix is not idempotent:\n--- once\n${once.output}\n--- twice\n${twice.output}`);
}

/** Arbitrary shell-ish text built from shell tokens. */
export const shellArb: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        'echo',
        'apt-get',
        'install',
        '-y',
        'sh',
        '-c',
        'sudo',
        'env',
        'xargs',
        'A=1',
        'cd',
        '/tmp',
        'x',
        'if',
        'then',
        'else',
        'fi',
        'for',
        'in',
        'do',
        'done',
        'case',
        'esac',
        'while',
        '{',
        '}',
        '!',
        '[[',
        ']]',
      ),
      fc.constantFrom(
        '&&',
        '||',
        '|',
        ';',
        '&',
        '(',
        ')',
        '<',
        '>',
        '>>',
        '2>&1',
        '<<EOF',
        '\n',
        '\nEOF\n',
        '$(',
        '`',
        '"',
        "'",
        '\\',
        '\\\n',
        '#',
        '$x',
        '${y:-z}',
        '$((1+2))',
        '<(',
        ';;',
      ),
      fc.string({ maxLength: 4 }),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(' '));

export function checkShell(text: string): void {
  const { commands } = readShellCommands(text);
  for (const c of commands) {
    if (!(c.start >= 0 && c.end <= text.length && c.start <= c.end))
      throw new Error(`bad command span ${c.start}-${c.end} in ${JSON.stringify(text)}`);
    for (const w of c.words)
      if (!(w.start >= 0 && w.end <= text.length))
        throw new Error(`bad word span in ${JSON.stringify(text)}`);
  }
}
