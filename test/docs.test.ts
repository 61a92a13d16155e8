import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderRuleDoc, renderRuleIndex } from '../src/docs/rule-docs.js';
import { allRules } from '../src/rules/all.js';

const dir = join(import.meta.dirname, '../docs/rules');

describe('generated rule docs', () => {
  it('has an up-to-date page for every rule and no page for a rule that is gone (run `npm run docs`)', () => {
    const stale = allRules.filter((r) => {
      const p = join(dir, `${r.id}.md`);
      return !existsSync(p) || readFileSync(p, 'utf8') !== renderRuleDoc(r);
    });
    expect(stale.map((r) => r.id)).toEqual([]);
    const pages = readdirSync(dir).filter((f) => f.endsWith('.md') && f !== 'README.md');
    expect(pages.sort()).toEqual(allRules.map((r) => `${r.id}.md`).sort());
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toBe(renderRuleIndex(allRules));
  });

  it('has unique ids and codes', () => {
    const ids = allRules.map((r) => r.id);
    const codes = allRules.map((r) => r.code);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('keeps the generated rule indexes in step with the rule files (run `npm run gen`)', async () => {
    const { execFileSync } = await import('node:child_process');
    expect(() =>
      execFileSync(process.execPath, [
        join(import.meta.dirname, '../scripts/gen-rules-index.mjs'),
        '--check',
      ]),
    ).not.toThrow();
  });
});
