import { describe, expect, it } from 'vitest';
import { render } from '../../src/report/index.js';
import { cell } from '../../src/report/markdown.js';
import { API_FILE, BROKEN_FILE, CLEAN_FILE, fixtureInput, HOSTILE_FILE } from './fixture.js';

/** Splits a GFM table row on unescaped pipes. */
function cells(row: string): string[] {
  return row
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split(/(?<!\\)\|/)
    .map((c) => c.trim());
}

describe('markdown reporter', () => {
  it('summarizes and lists findings in one table per file', async () => {
    const input = fixtureInput();
    const text = await render('markdown', input, { color: false });
    const lines = text.split('\n');
    expect(lines[0]).toBe('## dockaudit lint');
    expect(text).toContain(
      '**4 problems** (1 error, 1 warning, 1 info, 1 style) in 4 files; 1 input could not be read.',
    );
    const headings = lines.filter((l) => l.startsWith('### ')).map((l) => l.slice(4));
    expect(headings).toEqual([`\`${API_FILE}\``, `\`${BROKEN_FILE}\``, `\`${HOSTILE_FILE}\``]);
    expect(headings).not.toContain(`\`${CLEAN_FILE}\``);
    const rows = lines.filter((l) => /^\| \d+:\d+ \|/.test(l));
    expect(rows).toHaveLength(input.findings.length);
    for (const row of rows) expect(cells(row)).toHaveLength(5);
    const unknown = rows.find((r) => r.includes('unknown-instruction'))!;
    expect(cells(unknown)).toEqual([
      '5:1',
      '**error**',
      '[`unknown-instruction`](https://github.com/dockaudit/dockaudit/blob/main/docs/rules/unknown-instruction.md) DA1001',
      'unknown instruction "FOO": is a line continuation (\\\\) missing above?',
      '',
    ]);
    expect(text).toContain('> **could not be read** (line 1): binary file, not a Dockerfile');
  });

  it('keeps table cells on one line with pipes and markup escaped', async () => {
    expect(cell('a | b\nc `d` *e* <f>')).toBe('a \\| b c \\`d\\` \\*e\\* \\<f\\>');
    const text = await render('markdown', fixtureInput(), { color: false });
    const row = text.split('\n').find((l) => l.includes('test-hostile'))!;
    expect(cells(row)).toHaveLength(5);
    expect(cells(row)[4]).toBe('suggested');
  });

  it('says so when there are no problems', async () => {
    const text = await render('markdown', fixtureInput({ findings: [], errors: [] }), { color: false });
    expect(text).toBe('## dockaudit lint\n\nNo problems in 4 files.\n');
  });
});
