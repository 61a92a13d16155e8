import { describe, expect, it } from 'vitest';
import { computeFingerprints } from '../../src/report/fingerprint.js';
import { render } from '../../src/report/index.js';
import { BROKEN_FILE, fixtureInput, HOSTILE_FILE, SOURCES } from './fixture.js';

interface Issue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: string;
  location: { path: string; lines: { begin: number; end?: number } };
}

describe('gitlab reporter', () => {
  it('writes Code Quality issues with every required field', async () => {
    const input = fixtureInput();
    const issues = JSON.parse(await render('gitlab', input, { color: false, sources: SOURCES })) as Issue[];
    expect(Array.isArray(issues)).toBe(true);
    expect(issues).toHaveLength(input.findings.length + input.errors.length);
    for (const issue of issues) {
      expect(typeof issue.description).toBe('string');
      expect(issue.description.length).toBeGreaterThan(0);
      expect(typeof issue.check_name).toBe('string');
      expect(issue.fingerprint).toMatch(/^[0-9a-f]{32}$/);
      expect(['info', 'minor', 'major', 'critical', 'blocker']).toContain(issue.severity);
      expect(typeof issue.location.path).toBe('string');
      expect(Number.isInteger(issue.location.lines.begin)).toBe(true);
      expect(issue.location.lines.begin).toBeGreaterThan(0);
    }
    expect(new Set(issues.map((i) => i.fingerprint)).size).toBe(issues.length);
  });

  it('maps severities, paths and lines from the findings, fingerprints from the shared module', async () => {
    const input = fixtureInput();
    const fingerprints = computeFingerprints(input.findings, SOURCES);
    const issues = JSON.parse(await render('gitlab', input, { color: false, sources: SOURCES })) as Issue[];
    const mapping = { error: 'critical', warning: 'major', info: 'minor', style: 'info' };
    input.findings.forEach((f, i) => {
      const issue = issues[i]!;
      expect(issue.check_name).toBe(f.rule);
      expect(issue.severity).toBe(mapping[f.severity]);
      expect(issue.fingerprint).toBe(fingerprints.get(f));
      expect(issue.location).toEqual({ path: f.file, lines: { begin: f.line, end: f.endLine } });
      expect(issue.description).toContain(f.message);
    });
    const multiline = issues.find((i) => i.check_name === 'test-multiline')!;
    expect(multiline.location).toEqual({ path: HOSTILE_FILE, lines: { begin: 2, end: 3 } });
    const broken = issues.find((i) => i.location.path === BROKEN_FILE)!;
    expect(broken).toMatchObject({ check_name: 'input-error', severity: 'blocker' });
  });

  it('is an empty array when there is nothing to report', async () => {
    const text = await render('gitlab', fixtureInput({ findings: [], errors: [] }), { color: false });
    expect(JSON.parse(text)).toEqual([]);
  });
});
