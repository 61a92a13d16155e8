import { describe, expect, it } from 'vitest';
import { parseIgnoreFile } from '../../../src/image/vulns/ignore.js';
import { inRange, matchAffected } from '../../../src/image/vulns/osv/match.js';
import { validateOsvRecord } from '../../../src/image/vulns/osv/model.js';
import { cvss2BaseScore, cvss3BaseScore, rate } from '../../../src/image/vulns/osv/severity.js';
import { compareDebianVersions } from '../../../src/image/vulns/version/dpkg.js';
import { compareSemverVersions } from '../../../src/image/vulns/version/index.js';

describe('CVSS base scores (FIRST specification examples)', () => {
  it('scores v3.1 vectors', () => {
    expect(cvss3BaseScore('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H')).toBe(9.8);
    expect(cvss3BaseScore('CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N')).toBe(6.1);
    expect(cvss3BaseScore('CVSS:3.0/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N')).toBe(5.5);
    expect(cvss3BaseScore('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H')).toBe(10);
    expect(cvss3BaseScore('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N')).toBe(0);
    expect(cvss3BaseScore('CVSS:3.1/AV:N/AC:L')).toBeNull();
  });
  it('scores v2 vectors', () => {
    expect(cvss2BaseScore('AV:N/AC:L/Au:N/C:P/I:P/A:P')).toBe(7.5);
    expect(cvss2BaseScore('AV:N/AC:M/Au:N/C:N/I:P/A:N')).toBe(4.3);
  });
  it('rates by v3 first, then the database, then v2', () => {
    expect(
      rate([{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' }], 'LOW').level,
    ).toBe('CRITICAL');
    expect(
      rate(
        [{ type: 'CVSS_V4', score: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N' }],
        'MODERATE',
      ),
    ).toEqual({
      level: 'MEDIUM',
      vector: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N',
      source: 'database',
    });
    expect(rate([{ type: 'CVSS_V2', score: 'AV:N/AC:L/Au:N/C:P/I:P/A:P' }]).level).toBe('HIGH');
    expect(rate([{ type: 'Ubuntu', score: 'medium' }]).level).toBe('MEDIUM');
    expect(rate([]).level).toBe('UNKNOWN');
  });
});

describe('OSV range evaluation', () => {
  const range = (events: Array<Record<string, string>>) => ({ type: 'ECOSYSTEM' as const, events });
  it('handles several introduced/fixed pairs in one range, unsorted', () => {
    const r = range([
      { fixed: '1.5-1' },
      { introduced: '2.0-1' },
      { introduced: '1.0-1' },
      { fixed: '2.3-1' },
    ]);
    const at = (v: string) => inRange(v, r, compareDebianVersions);
    expect(at('0.9-1')).toBeNull();
    expect(at('1.0-1')).toEqual({ fixed: '1.5-1' });
    expect(at('1.5-1')).toBeNull();
    expect(at('1.9-1')).toBeNull();
    expect(at('2.2-1')).toEqual({ fixed: '2.3-1' });
    expect(at('2.3-1')).toBeNull();
  });
  it('treats last_affected as inclusive and limit as an upper bound of the range', () => {
    expect(
      inRange('1.2.0', range([{ introduced: '0' }, { last_affected: '1.2.0' }]), compareSemverVersions),
    ).toEqual({ fixed: null });
    expect(
      inRange('1.2.1', range([{ introduced: '0' }, { last_affected: '1.2.0' }]), compareSemverVersions),
    ).toBeNull();
    expect(
      inRange('2.0.0', range([{ introduced: '1.0.0' }, { limit: '2.0.0' }]), compareSemverVersions),
    ).toBeNull();
    expect(
      inRange('1.5.0', range([{ introduced: '1.0.0' }, { limit: '2.0.0' }]), compareSemverVersions),
    ).toEqual({ fixed: null });
  });
  it('reports ranges it cannot evaluate instead of guessing', () => {
    const affected = {
      name: 'x',
      versions: [],
      ranges: [range([{ introduced: '0' }, { fixed: 'not a version' }])],
    };
    const result = matchAffected('1.0.0', affected, compareSemverVersions, compareSemverVersions);
    expect(result.hit).toBeNull();
    expect(result.skipped).toEqual(['invalid semver version "not a version"']);
  });
});

describe('OSV record validation', () => {
  it('names the field that is wrong', () => {
    expect(() => validateOsvRecord({ id: 'X-1' })).toThrow('X-1: "modified" must be a string');
    expect(() =>
      validateOsvRecord({
        id: 'X-1',
        modified: 't',
        affected: [{ ranges: [{ type: 'RANGE', events: [] }] }],
      }),
    ).toThrow('X-1: affected[0].ranges[0].type must be ECOSYSTEM, SEMVER or GIT');
    expect(() =>
      validateOsvRecord({
        id: 'X-1',
        modified: 't',
        affected: [{ ranges: [{ type: 'SEMVER', events: [{ introduced: '0', fixed: '1' }] }] }],
      }),
    ).toThrow(/each event must have exactly one/);
  });
});

describe('ignore files', () => {
  it('reads .trivyignore lines with expiry and rejects bad ones with file:line', () => {
    const rules = parseIgnoreFile('CVE-1\n\n# c\nCVE-2 exp:2025-01-31 # why\n', '.trivyignore');
    expect(rules.map((r) => [r.id, r.line, r.expires?.toISOString()])).toEqual([
      ['CVE-1', 1, undefined],
      ['CVE-2', 4, '2025-02-01T00:00:00.000Z'],
    ]);
    expect(() => parseIgnoreFile('CVE-3 exp:2025-02-30\n', '.trivyignore')).toThrow(
      '.trivyignore:1: invalid date "2025-02-30" (use YYYY-MM-DD)',
    );
    expect(() => parseIgnoreFile('CVE-3 later\n', '.trivyignore')).toThrow(
      /\.trivyignore:1: unexpected "later"/,
    );
  });
  it("reads Trivy's YAML form and ours", () => {
    const trivy = parseIgnoreFile(
      'vulnerabilities:\n  - id: CVE-1\n    paths: ["a/b"]\n    expired_at: 2025-01-01\n    statement: vendor says no\n',
      '.trivyignore.yaml',
    );
    expect(trivy.map((r) => [r.id, r.paths, r.expires?.toISOString(), r.reason, r.line])).toEqual([
      ['CVE-1', ['a/b'], '2025-01-02T00:00:00.000Z', 'vendor says no', 2],
    ]);
    const ours = parseIgnoreFile(
      'ignore:\n  - id: CVE-2\n    package: openssl\n    until: 2026-03-31\n    reason: not reachable\n  - id: GHSA-x\n',
      'vulns.yaml',
    );
    expect(ours.map((r) => [r.id, r.packages, r.expires?.toISOString(), r.line])).toEqual([
      ['CVE-2', ['openssl'], '2026-04-01T00:00:00.000Z', 2],
      ['GHSA-x', [], undefined, 6],
    ]);
    expect(() => parseIgnoreFile('ignore:\n  - package: x\n', 'v.yaml')).toThrow(
      'v.yaml:2: each entry needs an "id"',
    );
    expect(() => parseIgnoreFile('ignore: [\n', 'v.yaml')).toThrow(/^v\.yaml:\d+: /);
  });
});
