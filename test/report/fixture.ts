import { defaultConfig } from '../../src/config/settings.js';
import type { Finding } from '../../src/core/finding.js';
import { compareFindings } from '../../src/core/finding.js';
import type { RuleMeta } from '../../src/core/rule.js';
import { parseDockerfile } from '../../src/dockerfile/parse.js';
import { lintDockerfile } from '../../src/engine/lint-dockerfile.js';
import type { ReportInput } from '../../src/report/types.js';
import { dockerfileRules } from '../../src/rules/dockerfile/index.js';

/** Message with everything a format must escape: markup, quotes, %, delimiters, pipes, a line break, a bell. */
export const HOSTILE_MESSAGE = `bad <tag> & "quotes" 'apos' 100% a,b:c | pipe\nsecond line \u0007 end`;
export const HOSTILE_FILE = 'odd dir/Dockerfile.<&>';

export const API_FILE = 'services/api/Dockerfile';
export const CLEAN_FILE = 'clean.Dockerfile';
export const BROKEN_FILE = 'broken/Dockerfile';

export const SOURCES = new Map<string, string>([
  // An empty continuation line (a warning with a safe fix) and an unknown instruction (an error).
  [API_FILE, '\uFEFFFROM alpine:3.20\nRUN apk add curl && \\\n\n    echo done\nFOO bar\n'],
  [CLEAN_FILE, 'FROM alpine:3.20\nRUN echo ok\n'],
  [HOSTILE_FILE, 'FROM alpine:3.20\nRUN set -e; \\\n    echo 1\nUSER root\n'],
]);

const testRule = (id: string, code: string, severity: RuleMeta['severity'], category: RuleMeta['category']) =>
  ({
    id,
    code,
    aliases: ['XX0001'],
    severity,
    category,
    target: 'dockerfile',
    docs: {
      summary: `Summary of ${id}.`,
      rationale: 'Rationale with `code` and <markup>.',
      bad: 'RUN a\n```\nRUN b',
      good: 'RUN c',
      references: ['https://example.com/ref'],
    },
    messages: { default: 'x' },
  }) satisfies RuleMeta;

export const MULTILINE_RULE = testRule('test-multiline', 'DA9001', 'info', 'security');
export const HOSTILE_RULE = testRule('test-hostile', 'DA9002', 'style', 'maintainability');

/** The real rules the expectations are written for (syntax rules): new rules do not change the fixture. */
const FIXTURE_RULES = dockerfileRules.filter((r) =>
  ['empty-continuation-line', 'unknown-instruction', 'invalid-instruction', 'eof-in-continuation'].includes(
    r.id,
  ),
);

/** Findings of the real rules over SOURCES, plus two synthetic ones (multi-line region, hostile text). */
export function fixtureFindings(): Finding[] {
  const findings: Finding[] = [];
  for (const [path, text] of SOURCES) {
    findings.push(
      ...lintDockerfile(parseDockerfile(text, path), { config: defaultConfig(), rules: FIXTURE_RULES }),
    );
  }
  findings.push(
    {
      file: HOSTILE_FILE,
      rule: MULTILINE_RULE.id,
      code: MULTILINE_RULE.code,
      aliases: [...MULTILINE_RULE.aliases],
      severity: 'info',
      category: 'security',
      line: 2,
      column: 5,
      endLine: 3,
      endColumn: 11,
      message: 'spans two lines',
    },
    {
      file: HOSTILE_FILE,
      rule: HOSTILE_RULE.id,
      code: HOSTILE_RULE.code,
      aliases: [...HOSTILE_RULE.aliases],
      severity: 'style',
      category: 'maintainability',
      line: 4,
      column: 6,
      endLine: 4,
      endColumn: 10,
      message: HOSTILE_MESSAGE,
      fixable: 'suggested',
      // Replace "root" with "1000" and insert a comment line before the instruction.
      fix: {
        safety: 'suggested',
        edits: [
          { start: 47, end: 51, text: '1000' },
          { start: 42, end: 42, text: '# non-root\n' },
        ],
      },
    },
  );
  return findings.sort(compareFindings);
}

export function fixtureInput(overrides: Partial<ReportInput> = {}): ReportInput {
  return {
    tool: 'dockaudit',
    version: '1.2.3',
    command: 'lint',
    findings: fixtureFindings(),
    errors: [{ file: BROKEN_FILE, line: 1, column: 1, message: 'binary file, not a Dockerfile' }],
    files: [API_FILE, BROKEN_FILE, CLEAN_FILE, HOSTILE_FILE],
    rules: [...dockerfileRules, MULTILINE_RULE, HOSTILE_RULE],
    ...overrides,
  };
}

/** Applies non-overlapping edits to a text (what `dockaudit fix` does in one round). */
export function applyEdits(
  text: string,
  edits: readonly { start: number; end: number; text: string }[],
): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start))
    out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}
