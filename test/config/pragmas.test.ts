import { describe, expect, it } from 'vitest';
import { parsePragma, parsePragmas } from '../../src/config/pragmas.js';
import { type Config, defaultConfig } from '../../src/config/settings.js';
import { parseDockerfile } from '../../src/dockerfile/parse.js';
import { lintDockerfile } from '../../src/engine/lint-dockerfile.js';
import { dockerfileRules } from '../../src/rules/dockerfile/index.js';

/** Rules (by hadolint code) that fire on a text, after pragmas. */
function fired(text: string, config: Partial<Config> = {}): string[] {
  const file = parseDockerfile(text, 'Dockerfile');
  const findings = lintDockerfile(file, {
    // Back-to-back single-command RUNs in these short texts also fire DL3059, which these tests are not about.
    config: { ...defaultConfig(), ignored: ['consecutive-run'], ...config },
    rules: dockerfileRules,
  });
  // Only hadolint's rules: the tests are about its pragmas, and rules without a DL code come and go.
  return findings
    .filter((f) => f.aliases.some((a) => /^DL/.test(a)))
    .sort((a, b) => a.line - b.line || a.column - b.column)
    .map((f) => `${f.line}:${f.aliases.find((a) => /^DL/.test(a)) ?? f.rule}`);
}

describe('hadolint pragma grammar', () => {
  it.each([
    [' hadolint ignore=DL3002', ['DL3002']],
    ['hadolint ignore=DL3002,DL3001', ['DL3002', 'DL3001']],
    [' hadolint ignore = DL3023 , DL3021', ['DL3023', 'DL3021']],
    [' hadolint ignore=DL3002 ', ['DL3002']],
    [' hadolint ignore=DL3002 # we accept it', ['DL3002']],
    ['\thadolint\tignore=SC2086', ['SC2086']],
  ])('reads %j', (text, keys) => {
    expect(parsePragma(text, 3)).toEqual({ line: 3, tool: 'hadolint', kind: 'ignore', keys });
  });

  it.each([
    [' hadolint ignore=crazy,DL3002', 'a name that is no rule code voids the pragma'],
    [' hadolint ignore=DL3002 because', 'text after the list without #'],
    [' Hadolint ignore=DL3002', 'the keyword is lower-case'],
    [' hadolint ignore=dl3002', 'codes are upper-case'],
    [' hadolint ignore=', 'no code'],
    [' hadolintignore=DL3002', 'no blank after hadolint'],
  ])('rejects %j (%s)', (text) => {
    expect(parsePragma(text, 1)).toBeNull();
  });

  it('reads global, stage and shell pragmas', () => {
    expect(parsePragma(' hadolint global ignore = DL3023 , DL3021', 1)?.kind).toBe('global');
    expect(parsePragma(' hadolint stage ignore=DL3011,DL3002', 1)?.kind).toBe('stage');
    expect(parsePragma(' hadolint shell = powershell.exe # windows', 1)).toEqual({
      line: 1,
      tool: 'hadolint',
      kind: 'shell',
      keys: ['powershell.exe'],
    });
  });

  it('reads dockaudit pragmas leniently: ids, codes, case, a trailing reason', () => {
    expect(parsePragma(' dockaudit ignore=cd-in-run, DA4025 legacy image', 1)).toEqual({
      line: 1,
      tool: 'dockaudit',
      kind: 'ignore',
      keys: ['cd-in-run', 'DA4025'],
    });
    expect(parsePragma(' DockAudit Global Ignore=latest-tag', 1)?.kind).toBe('global');
  });

  it('skips comments inside continued instructions (the builder drops them)', () => {
    const p = parsePragmas([{ text: 'hadolint ignore=DL3003', line: 2, inContinuation: true }]);
    expect(p.all).toEqual([]);
  });
});

describe('suppression in a lint run', () => {
  it('a line pragma covers the instruction on the next line only', () => {
    expect(fired('FROM debian:12\n# hadolint ignore=DL3003\nRUN cd /x\nRUN cd /y\n')).toEqual(['4:DL3003']);
    expect(fired('FROM debian:12\n# hadolint ignore=DL3003\n\nRUN cd /x\n')).toEqual(['4:DL3003']);
  });

  it('covers every finding of a multi-line instruction, wherever its token is', () => {
    expect(fired('FROM debian:12\n# hadolint ignore=DL3003\nRUN echo a && \\\n    cd /x\n')).toEqual([]);
  });

  it('ignores only the listed rules, and an invalid pragma ignores nothing', () => {
    expect(
      fired('FROM node:20 AS foo\n# hadolint ignore=DL3023, DL3021\nCOPY --from=foo bar baz /x\n'),
    ).toEqual([]);
    expect(fired('FROM node:20 AS foo\n# hadolint ignore=DL3023\nCOPY --from=foo bar baz /x\n')).toEqual([
      '3:DL3021',
    ]);
    expect(fired('FROM debian:12\n# hadolint ignore=crazy,DL3003\nRUN cd /x\n')).toEqual(['3:DL3003']);
  });

  it('global pragmas cover the whole file, wherever they are', () => {
    expect(fired('FROM debian:12\nRUN cd /x\n# hadolint global ignore=DL3003\nRUN cd /y\n')).toEqual([]);
  });

  it('stage pragmas cover the stage whose FROM is on the next line', () => {
    const text = (at: number) => {
      const lines = ['FROM ubuntu:24.04', 'EXPOSE 80000', 'FROM ubuntu:24.04', 'EXPOSE 80000'];
      lines.splice(at, 0, '# hadolint stage ignore=DL3011');
      return `${lines.join('\n')}\n`;
    };
    expect(fired(text(0))).toEqual(['5:DL3011']);
    expect(fired(text(2))).toEqual(['2:DL3011']);
    // Not directly above a FROM: no effect.
    expect(fired('# hadolint stage ignore=DL3011\n\nFROM ubuntu:24.04\nEXPOSE 80000\n')).toEqual([
      '4:DL3011',
    ]);
  });

  it('pragmas name rules by hadolint code; dockaudit pragmas also by id or code, for the next instruction', () => {
    expect(fired('FROM debian:12\n# dockaudit ignore=cd-in-run\n\n# a comment\nRUN cd /x\n')).toEqual([]);
    expect(fired('FROM debian:12\n# dockaudit ignore=DA4003\nRUN cd /x\n')).toEqual([]);
    expect(fired('FROM debian:12\n# dockaudit global ignore=DL3003\nRUN cd /x\n')).toEqual([]);
  });

  it('disable-ignore-pragma turns every pragma off (not the configuration)', () => {
    const text = '# hadolint global ignore=DL3006\nFROM debian\n# hadolint ignore=DL3003\nRUN cd /x\n';
    expect(fired(text, { disableIgnorePragma: true })).toEqual(['2:DL3006', '4:DL3003']);
    expect(fired(text, { disableIgnorePragma: true, ignored: ['DL3006'] })).toEqual(['4:DL3003']);
  });

  it('a pragma comment inside a continued RUN is no pragma', () => {
    expect(fired('FROM debian:12\nRUN echo a \\\n# hadolint ignore=DL3003\n && cd /x\n')).toEqual([
      '4:DL3003',
    ]);
  });

  it('# check=skip= skips BuildKit-named checks', () => {
    expect(fired('# check=skip=JSONArgsRecommended\nFROM debian:12\nCMD run\n')).toEqual([]);
  });

  it('a finding on a comment line is matched by its own line, not by the instruction above', () => {
    const text = 'FROM debian:12\n# hadolint ignore=DL1001\n# hadolint ignore=DL3003\nRUN cd /x\n';
    // The first pragma covers line 3 (the second pragma's own comment), as in hadolint.
    expect(fired(text, { enabled: ['DL1001'] })).toEqual(['2:DL1001']);
  });
});
