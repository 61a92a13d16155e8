import { describe, expect, it } from 'vitest';
import { exitCode, resolveFormat, resolveThreshold, UsageError } from '../../src/cli/common.js';
import type { Finding, Severity, Threshold } from '../../src/core/finding.js';
import { FORMATS } from '../../src/report/types.js';

const finding = (severity: Severity): Finding => ({
  file: 'Dockerfile',
  rule: 'r',
  code: 'DA0000',
  aliases: [],
  severity,
  category: 'correctness',
  line: 1,
  column: 1,
  endLine: 1,
  endColumn: 2,
  message: 'm',
});

describe('exit codes', () => {
  // Rows: the worst finding's severity; columns: the threshold error, warning, info, style, none.
  const table: [Severity | 'nothing', number[]][] = [
    ['error', [1, 1, 1, 1, 0]],
    ['warning', [0, 1, 1, 1, 0]],
    ['info', [0, 0, 1, 1, 0]],
    ['style', [0, 0, 0, 1, 0]],
    ['nothing', [0, 0, 0, 0, 0]],
  ];
  const thresholds: Threshold[] = ['error', 'warning', 'info', 'style', 'none'];
  for (const [worst, codes] of table) {
    it(`worst finding: ${worst}`, () => {
      const findings = worst === 'nothing' ? [] : [finding(worst), finding('style')];
      expect(thresholds.map((t) => exitCode(findings, [], t))).toEqual(codes);
    });
  }

  it('is 2 for an input error whatever the threshold, and --no-fail gives 0 otherwise', () => {
    for (const t of thresholds) expect(exitCode([], [{ file: 'x', message: 'unreadable' }], t, true)).toBe(2);
    expect(exitCode([finding('error')], [], 'style', true)).toBe(0);
  });

  it('rejects unknown thresholds and formats as usage errors', () => {
    expect(resolveThreshold(undefined, 'info')).toBe('info');
    expect(() => resolveThreshold('severe', 'info')).toThrow(UsageError);
    for (const f of FORMATS) expect(resolveFormat(f)).toBe(f);
    expect(() => resolveFormat('yaml')).toThrow(UsageError);
  });
});
