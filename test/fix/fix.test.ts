import { chmodSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/settings.js';
import type { Finding } from '../../src/core/finding.js';
import { fixFiles } from '../../src/fix/apply.js';
import { fixDockerfileText } from '../../src/fix/dockerfile.js';
import { applyEditGroups, applyEdits } from '../../src/fix/edits.js';
import { fixToFixpoint } from '../../src/fix/fixpoint.js';
import { dockerfileRules } from '../../src/rules/dockerfile/index.js';

// The fixes these texts exercise (apt-get -y, empty continuation lines); other rules' fixes would change the output.
const options = {
  config: defaultConfig(),
  rules: dockerfileRules.filter((r) => r.id === 'apt-get-yes' || r.id === 'empty-continuation-line'),
  unsafe: false,
};

describe('text edits', () => {
  it('applies non-overlapping edits together and reports conflicts', () => {
    const r = applyEdits('abcdef', [
      { start: 1, end: 2, text: 'B' },
      { start: 4, end: 4, text: '+' },
      { start: 1, end: 3, text: 'X' },
    ]);
    expect(r.text).toBe('aBcd+ef');
    expect(r.conflicting).toEqual([{ start: 1, end: 3, text: 'X' }]);
  });

  it('keeps or drops a group of edits as a whole', () => {
    const r = applyEditGroups('0123456789', [
      [{ start: 0, end: 1, text: 'a' }],
      [
        { start: 5, end: 6, text: 'f' },
        { start: 0, end: 2, text: '!' },
      ],
    ]);
    expect(r.text).toBe('a123456789');
    expect(r.acceptedGroups).toEqual([0]);
  });

  it('does not treat touching ranges as overlapping', () => {
    expect(
      applyEdits('ab', [
        { start: 0, end: 1, text: 'A' },
        { start: 1, end: 2, text: 'B' },
      ]).text,
    ).toBe('AB');
  });
});

describe('fixing to a fixpoint', () => {
  const finding = (rule: string, edits: Finding['fix']): Finding => ({
    file: 'x',
    rule,
    code: 'DA0000',
    aliases: [],
    severity: 'warning',
    category: 'correctness',
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
    message: rule,
    fix: edits,
  });

  it('drops a fix that makes the text unreadable and keeps the others', () => {
    const lint = (text: string) => {
      const findings: Finding[] = [];
      if (text.includes('a'))
        findings.push(
          finding('breaks', {
            safety: 'safe',
            edits: [{ start: text.indexOf('a'), end: text.indexOf('a') + 1, text: '!' }],
          }),
        );
      if (text.includes('b'))
        findings.push(
          finding('good', {
            safety: 'safe',
            edits: [{ start: text.indexOf('b'), end: text.indexOf('b') + 1, text: 'B' }],
          }),
        );
      return { findings, problems: (text.match(/!/g) ?? []).length };
    };
    const out = fixToFixpoint('ab', lint, { unsafe: false });
    expect(out.output).toBe('aB');
    expect(out.dropped.map((f) => f.rule)).toEqual(['breaks']);
    expect(out.fixedByRule.get('good')).toBe(1);
  });

  it('applies suggested fixes only when asked', () => {
    const lint = (text: string) => ({
      findings: text.includes('x')
        ? [finding('s', { safety: 'suggested', edits: [{ start: 0, end: 1, text: 'y' }] })]
        : [],
      problems: 0,
    });
    expect(fixToFixpoint('x', lint, { unsafe: false }).output).toBe('x');
    expect(fixToFixpoint('x', lint, { unsafe: true }).output).toBe('y');
  });
});

describe('fixing Dockerfiles', () => {
  it('keeps CRLF line endings and the BOM', () => {
    const text = '\uFEFFFROM debian\r\nRUN apt-get update && \\\r\n\r\n    apt-get install curl\r\n';
    const r = fixDockerfileText(text, 'Dockerfile', options);
    expect(r.output).toBe('\uFEFFFROM debian\r\nRUN apt-get update && \\\r\n    apt-get install -y curl\r\n');
    expect(fixDockerfileText(r.output, 'Dockerfile', options).changed).toBe(false);
  });

  it('never rewrites a file that does not build', () => {
    const text = 'FROM debian\nRUN apt-get install curl\nFORM x\n';
    const r = fixDockerfileText(text, 'Dockerfile', options);
    expect(r.changed).toBe(false);
    expect(r.output).toBe(text);
    expect(r.blocked).toMatch(/^Dockerfile:3:1: unknown instruction: FORM/);
  });

  it('leaves comments, heredoc bodies and continuations it does not own as they were', () => {
    const text =
      'FROM debian\n# keep me\nRUN apt-get update \\\n  # and me\n  && apt-get install curl\nCOPY <<EOF /x\napt-get install y\nEOF\n';
    const r = fixDockerfileText(text, 'Dockerfile', options);
    expect(r.output).toBe(text.replace('install curl', 'install -y curl'));
  });
});

describe('fixFiles', () => {
  const dir = () => mkdtempSync(join(tmpdir(), 'dockaudit-fix-'));

  it('writes atomically and keeps the file mode', async () => {
    const d = dir();
    const p = join(d, 'Dockerfile');
    writeFileSync(p, 'FROM debian\nRUN apt-get install curl\n');
    chmodSync(p, 0o640);
    const { reports, errors } = await fixFiles([p], {
      configFor: async () => defaultConfig(),
      rules: dockerfileRules,
      unsafe: false,
      dryRun: false,
    });
    expect(errors).toEqual([]);
    expect(reports[0]!.changed).toBe(true);
    expect(readFileSync(p, 'utf8')).toBe('FROM debian\nRUN apt-get install -y curl\n');
    expect(statSync(p).mode & 0o777).toBe(0o640);
  });

  it('changes nothing with dryRun and returns a unified diff', async () => {
    const d = dir();
    const p = join(d, 'Dockerfile');
    writeFileSync(p, 'FROM debian\nRUN apt-get install curl\n');
    const { reports } = await fixFiles([p], {
      configFor: async () => defaultConfig(),
      rules: dockerfileRules,
      unsafe: false,
      dryRun: true,
    });
    expect(readFileSync(p, 'utf8')).toBe('FROM debian\nRUN apt-get install curl\n');
    expect(reports[0]!.diff).toContain('-RUN apt-get install curl\n+RUN apt-get install -y curl');
  });

  it('reports an unreadable file as an input error', async () => {
    const { errors } = await fixFiles(['/nonexistent/Dockerfile'], {
      configFor: async () => defaultConfig(),
      rules: dockerfileRules,
      unsafe: false,
      dryRun: false,
    });
    expect(errors).toEqual([{ file: '/nonexistent/Dockerfile', message: 'no such file or directory' }]);
  });
});
