import { describe, expect, it } from 'vitest';
import { type Config, defaultConfig } from '../../../src/config/settings.js';
import { parseDockerfile } from '../../../src/dockerfile/parse.js';
import { lintDockerfile } from '../../../src/engine/lint-dockerfile.js';
import rule from '../../../src/rules/dockerfile/shellcheck.js';
import type { ShellcheckComment } from '../../../src/shellcheck/types.js';

const sc2086: ShellcheckComment = {
  code: 2086,
  level: 'info',
  message: 'Double quote to prevent globbing and word splitting.',
  line: 0,
  column: 0,
  endLine: 0,
  endColumn: 0,
};

/** Lints with made-up ShellCheck results for the first unit: `at` is [line, column, endColumn] in its script. */
function lint(text: string, at: [number, number, number], config: Partial<Config> = {}) {
  const file = parseDockerfile(text);
  const comment = { ...sc2086, line: at[0], column: at[1], endLine: at[0], endColumn: at[2] };
  return lintDockerfile(file, {
    config: { ...defaultConfig(), ...config },
    rules: [rule],
    shellcheck: new Map([['1:0', [comment]]]),
  });
}

// Scripts start with `#!/bin/sh`; no known variable is read, so no `export` line follows.
const BODY = 2;

describe('shellcheck rule', () => {
  it('reports nothing when ShellCheck did not run', () => {
    const file = parseDockerfile('FROM debian:12\nRUN echo $x\n');
    expect(lintDockerfile(file, { config: defaultConfig(), rules: [rule] })).toEqual([]);
  });

  it('maps a finding to its exact place, with the SC code as alias and its own severity', () => {
    const [f] = lint('FROM debian:12\nRUN echo a && \\\n    rm $files\n', [BODY, 18, 24]);
    expect(f).toMatchObject({
      rule: 'shellcheck',
      code: 'DA4300',
      aliases: ['SC2086'],
      severity: 'info',
      line: 3,
      column: 8,
      endLine: 3,
      endColumn: 14,
      message: 'SC2086: Double quote to prevent globbing and word splitting.',
    });
  });

  it('can be ignored or re-graded by SC code, in configuration and in pragmas', () => {
    const text = 'FROM debian:12\nRUN rm $files\n';
    expect(lint(text, [BODY, 4, 10], { ignored: ['SC2086'] })).toEqual([]);
    expect(lint(text, [BODY, 4, 10], { ignored: ['shellcheck'] })).toEqual([]);
    expect(lint(text, [BODY, 4, 10], { severity: { SC2086: 'error' } })[0]!.severity).toBe('error');
    const pragma = 'FROM debian:12\n# hadolint ignore=SC2086\nRUN rm $files\n';
    const file = parseDockerfile(pragma);
    const comment = { ...sc2086, line: BODY, column: 4, endLine: BODY, endColumn: 10 };
    expect(
      lintDockerfile(file, {
        config: defaultConfig(),
        rules: [rule],
        shellcheck: new Map([['2:0', [comment]]]),
      }),
    ).toEqual([]);
  });
});
