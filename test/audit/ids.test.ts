import { describe, expect, it } from 'vitest';
import { anchorIds, issuePrefixes } from '../../src/audit/ids.js';

describe('short ids', () => {
  it('uses the first letter, and initials when names share it (as a hand-written audit does)', () => {
    expect(issuePrefixes(['backend', 'frontend-agent', 'frontend-h5', 'compose'])).toEqual([
      'B',
      'FA',
      'FH',
      'C',
    ]);
    expect(issuePrefixes(['backend'])).toEqual(['B']);
  });

  it('never gives an image the letters of the report’s own lists, nor a leading digit', () => {
    const prefixes = issuePrefixes(['security-api', 'proxy', 'runner', '3d-render']);
    expect(prefixes).toEqual(['SA', 'PR', 'RU', 'I3R']);
  });

  it('stays unique whatever the names', () => {
    const names = ['api', 'api', 'a-p-i', 'app', 'a'];
    const prefixes = issuePrefixes(names);
    expect(new Set(prefixes).size).toBe(names.length);
  });

  it('makes anchor ids unique and safe', () => {
    expect(anchorIds(['Back End', 'back-end', '<x>'], 'image')).toEqual([
      'image-back-end',
      'image-back-end-2',
      'image-x',
    ]);
  });
});
