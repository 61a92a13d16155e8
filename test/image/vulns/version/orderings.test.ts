import { describe, expect, it } from 'vitest';
import { compareApkVersions, isValidApkVersion } from '../../../../src/image/vulns/version/apk.js';
import { compareDebianVersions } from '../../../../src/image/vulns/version/dpkg.js';
import {
  compareGoVersions,
  comparePep440Versions,
  compareSemverVersions,
  type VersionOrder,
} from '../../../../src/image/vulns/version/index.js';
import { compareMavenVersions } from '../../../../src/image/vulns/version/maven.js';
import { compareRpmVersions, rpmvercmp } from '../../../../src/image/vulns/version/rpm.js';

/** Each version is strictly older than the next; every pair is checked both ways. */
function expectAscending(order: VersionOrder, chain: string[]): void {
  for (let i = 0; i < chain.length; i++) {
    for (let j = i + 1; j < chain.length; j++) {
      expect(Math.sign(order(chain[i]!, chain[j]!)), `${chain[i]} < ${chain[j]}`).toBe(-1);
      expect(Math.sign(order(chain[j]!, chain[i]!)), `${chain[j]} > ${chain[i]}`).toBe(1);
    }
  }
}

function expectEqual(order: VersionOrder, group: string[]): void {
  for (const a of group) for (const b of group) expect(order(a, b), `${a} = ${b}`).toBe(0);
}

describe('dpkg ordering (Debian Policy §5.6.12)', () => {
  it('sorts tilde before everything, letters before other characters', () => {
    expectAscending(compareDebianVersions, ['1.0~~', '1.0~~a', '1.0~', '1.0', '1.0a', '1.0+', '1.0.1']);
  });
  it('compares epochs first, then upstream, then revision', () => {
    expectAscending(compareDebianVersions, ['2.0', '1:0.1', '1:0.1-1', '1:0.1-2', '1:0.2~rc1-1', '2:0']);
    expectAscending(compareDebianVersions, ['2.36-9+deb12u1', '2.36-9+deb12u10', '2.36-10']);
    expectAscending(compareDebianVersions, ['1.0-1', '1.0-a', '1.0+dfsg-1']);
  });
  it('compares digit runs numerically and ignores leading zeros', () => {
    expectEqual(compareDebianVersions, ['1.2.3', '1.2.03', '0:1.2.3', '1.2.3-0']);
    expectAscending(compareDebianVersions, ['1.9', '1.10', '1.100']);
  });
  it('rejects versions dpkg rejects', () => {
    expect(() => compareDebianVersions('a:1', '1')).toThrow(/invalid Debian version "a:1"/);
    expect(() => compareDebianVersions('1 2', '1')).toThrow(/invalid/);
    expect(() => compareDebianVersions('1.0-', '1')).toThrow(/invalid/);
  });
});

describe('apk ordering (apk-tools)', () => {
  it('orders pre-release and post-release suffixes around the release', () => {
    expectAscending(compareApkVersions, [
      '1.0_alpha',
      '1.0_beta',
      '1.0_pre',
      '1.0_rc',
      '1.0_rc1',
      '1.0_rc2',
      '1.0',
      '1.0-r1',
      '1.0_cvs',
      '1.0_svn',
      '1.0_git',
      '1.0_hg',
      '1.0_p',
      '1.0_p1',
      '1.0_p2',
      '1.0_p10',
    ]);
  });
  it('orders numbers, letters and revisions', () => {
    expectAscending(compareApkVersions, ['1.0', '1.0a', '1.0b', '1.0.1', '1.0.1-r0', '1.0.1-r1', '1.0.2']);
    expectAscending(compareApkVersions, ['2.9', '2.10', '3.0.13-r0', '3.0.14-r0', '20230101']);
  });
  it('compares a component with a leading zero as a string', () => {
    expectAscending(compareApkVersions, ['1.001', '1.01', '1.1', '1.2']);
    expectAscending(compareApkVersions, ['1.09', '1.1']);
  });
  it('orders a version with a commit hash after the same version with only a revision', () => {
    expectAscending(compareApkVersions, ['1.0', '1.0-r1', '1.0~abc1', '1.0~abc1-r1', '1.0~abc2']);
  });
  it('validates like apk', () => {
    expect(isValidApkVersion('1.2.3_rc1_p2-r10')).toBe(true);
    expect(isValidApkVersion('1.0-foo')).toBe(false);
    expect(isValidApkVersion('1.0_bogus')).toBe(false);
    expect(isValidApkVersion('1.0-r1.2')).toBe(false);
    expect(isValidApkVersion('1.0a1')).toBe(false);
    expect(isValidApkVersion('1.')).toBe(false);
    expect(() => compareApkVersions('x', '1')).toThrow(/invalid apk version "x"/);
  });
});

describe('rpm ordering (rpmvercmp)', () => {
  it('follows rpmvercmp segment rules', () => {
    expect(rpmvercmp('1.0', '1.0')).toBe(0);
    expectAscending(rpmvercmp, ['1.0', '1.0a', '1.0.1', '1.1', '2.0']);
    expectAscending(rpmvercmp, ['5.5p1', '5.5p2', '5.5p10']);
    expectAscending(rpmvercmp, ['10xyz', '10.1xyz']);
    expectAscending(rpmvercmp, ['xyz.4', '8']);
    expectEqual(rpmvercmp, ['5.5p1', '5.5.p1', '5_5p1', '5+5+p1']);
  });
  it('sorts ~ before and ^ after the base version', () => {
    expectAscending(rpmvercmp, [
      '1.0~rc1~git1',
      '1.0~rc1',
      '1.0~rc2',
      '1.0',
      '1.0^git1~pre',
      '1.0^git1',
      '1.0.1',
    ]);
    expectAscending(rpmvercmp, ['1.0', '1.0^', '1.0^git1', '1.01']);
  });
  it('compares epoch, version and release', () => {
    expectAscending(compareRpmVersions, ['1.0-1.el9', '1.0-2.el9', '1.1-1.el9', '1:0.9-1.el9']);
    expect(compareRpmVersions('0:1.0-1', '1.0-1')).toBe(0);
    expect(compareRpmVersions('1.0', '1.0-7.el9')).toBe(0);
  });
});

describe('PEP 440 ordering', () => {
  it('orders dev, pre, final, post and local versions', () => {
    expectAscending(comparePep440Versions, [
      '1.0.dev0',
      '1.0a1',
      '1.0b1',
      '1.0rc1',
      '1.0',
      '1.0+local',
      '1.0.post1',
      '1.1',
      '1!0.1',
    ]);
    expectEqual(comparePep440Versions, ['1.0', '1.0.0', '1.0.0.0']);
    expect(() => comparePep440Versions('not a version', '1')).toThrow(/invalid PEP 440/);
  });
});

describe('semver ordering (semver.org §11)', () => {
  it('orders prereleases by identifiers', () => {
    expectAscending(compareSemverVersions, [
      '1.0.0-alpha',
      '1.0.0-alpha.1',
      '1.0.0-alpha.beta',
      '1.0.0-beta',
      '1.0.0-beta.2',
      '1.0.0-beta.11',
      '1.0.0-rc.1',
      '1.0.0',
      '1.0.1',
      '1.10.0',
    ]);
    expectEqual(compareSemverVersions, ['1.0.0', '1.0.0+build.5', 'v1.0.0']);
  });
});

describe('Go ordering', () => {
  it('orders pseudo-versions, +incompatible and toolchain versions', () => {
    expectAscending(compareGoVersions, [
      'v0.0.0-20210101000000-abcdef123456',
      'v0.1.0',
      'v2.0.0+incompatible',
      'v2.0.1',
    ]);
    expectAscending(compareGoVersions, ['go1.20.3', 'go1.21rc2', 'go1.21.0', '1.21.1']);
    expectEqual(compareGoVersions, ['go1.20', 'v1.20.0', '1.20.0']);
  });
});

describe('Maven ordering (Version Order Specification)', () => {
  it('orders qualifiers and numbers', () => {
    expectAscending(compareMavenVersions, [
      '1-alpha1',
      '1-beta1',
      '1-milestone1',
      '1-rc1',
      '1-snapshot',
      '1',
      '1-sp',
      '1.1',
    ]);
    expectAscending(compareMavenVersions, ['1-foo2', '1-foo10']);
    expectAscending(compareMavenVersions, ['1-foo', '1-1', '1.1']);
    expectAscending(compareMavenVersions, ['2.13.4', '2.13.4.2', '2.14.0-rc1', '2.14.0']);
    expectEqual(compareMavenVersions, ['1', '1.0', '1.0.0', '1-ga', '1.ga', '1-final', '1-0']);
    expectEqual(compareMavenVersions, ['1.0-cr1', '1.0-rc1', '1.0-RC1']);
  });
});
