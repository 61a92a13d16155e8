import { compare as comparePep440, valid as validPep440 } from '@renovatebot/pep440';
import semver from 'semver';
import { compareApkVersions } from './apk.js';
import { compareDebianVersions } from './dpkg.js';
import { compareMavenVersions } from './maven.js';
import { compareRpmVersions } from './rpm.js';

/** Negative, zero or positive; throws when a version is not valid in the ordering. */
export type VersionOrder = (a: string, b: string) => number;

export type OrderingName = 'dpkg' | 'apk' | 'rpm' | 'pep440' | 'semver' | 'go' | 'maven';

export function comparePep440Versions(a: string, b: string): number {
  if (!validPep440(a)) throw new Error(`invalid PEP 440 version "${a}"`);
  if (!validPep440(b)) throw new Error(`invalid PEP 440 version "${b}"`);
  return comparePep440(a, b);
}

/** npm's semver (build metadata ignored); a leading `v` or `=` is tolerated as npm does. */
export function compareSemverVersions(a: string, b: string): number {
  const x = semver.parse(a, { loose: true });
  const y = semver.parse(b, { loose: true });
  if (!x) throw new Error(`invalid semver version "${a}"`);
  if (!y) throw new Error(`invalid semver version "${b}"`);
  return x.compare(y);
}

/**
 * Go module versions are semver with a `v` prefix (pseudo-versions are prereleases, `+incompatible` is
 * build metadata); the toolchain's `go1.21rc2` form is turned into `1.21.0-rc.2` first.
 */
export function normalizeGoVersion(version: string): string {
  const go = /^go(\d+)\.(\d+)(?:\.(\d+))?(?:(rc|beta|alpha)(\d+))?$/.exec(version);
  if (go) {
    const pre = go[4] ? `-${go[4]}.${go[5]}` : '';
    return `${go[1]}.${go[2]}.${go[3] ?? '0'}${pre}`;
  }
  return version.startsWith('v') ? version.slice(1) : version;
}

export function compareGoVersions(a: string, b: string): number {
  const x = semver.parse(normalizeGoVersion(a));
  const y = semver.parse(normalizeGoVersion(b));
  if (!x) throw new Error(`invalid Go version "${a}"`);
  if (!y) throw new Error(`invalid Go version "${b}"`);
  return x.compare(y);
}

export function orderingFor(name: OrderingName): VersionOrder {
  switch (name) {
    case 'dpkg':
      return compareDebianVersions;
    case 'apk':
      return compareApkVersions;
    case 'rpm':
      return compareRpmVersions;
    case 'pep440':
      return comparePep440Versions;
    case 'semver':
      return compareSemverVersions;
    case 'go':
      return compareGoVersions;
    case 'maven':
      return compareMavenVersions;
  }
}
