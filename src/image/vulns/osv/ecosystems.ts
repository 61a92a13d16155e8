/**
 * Which OSV ecosystems, names and version orderings a package is matched against. Debian and Ubuntu
 * advisories name source packages; Alpine's name origins; RPM distributions name binary packages.
 */
import type { OsInfo, Package } from '../../packages/model.js';
import { compareApkVersions } from '../version/apk.js';
import { compareDebianVersions } from '../version/dpkg.js';
import {
  compareGoVersions,
  comparePep440Versions,
  compareSemverVersions,
  type VersionOrder,
} from '../version/index.js';
import { compareMavenVersions } from '../version/maven.js';
import { compareRpmVersions } from '../version/rpm.js';

export interface MatchTarget {
  /** Picks the ecosystems to search among those the database holds. */
  selectEcosystems(available: readonly string[]): string[];
  /** Names to look up, already normalized with `normalizeName`. */
  names: string[];
  /** The version compared with the advisories' events. */
  version: string;
  /** Ordering of `ECOSYSTEM` ranges. */
  ordering: VersionOrder;
  /** Ordering of `SEMVER` ranges. */
  semver: VersionOrder;
}

/** PyPI names compare after PEP 503 normalization; other ecosystems' names are exact. */
export function normalizeName(ecosystem: string, name: string): string {
  return ecosystem === 'PyPI' ? name.toLowerCase().replace(/[-_.]+/g, '-') : name;
}

function major(version: string): string {
  return version.split('.')[0] ?? '';
}

function exactly(...names: string[]) {
  return (available: readonly string[]) => available.filter((e) => names.includes(e));
}

function unique(values: Array<string | undefined>): string[] {
  return [...new Set(values.filter((v): v is string => Boolean(v)))];
}

function osTarget(pkg: Package, os: OsInfo | null): MatchTarget | null {
  if (!os) return null;
  const v = os.versionId;
  if (pkg.type === 'deb') {
    const version = pkg.source?.version ?? pkg.version;
    const names = unique([pkg.source?.name ?? pkg.name]);
    if (os.id === 'debian' && v) {
      return {
        selectEcosystems: exactly(`Debian:${major(v)}`),
        names,
        version,
        ordering: compareDebianVersions,
        semver: compareSemverVersions,
      };
    }
    if (os.id === 'ubuntu' && v) {
      // Ubuntu:22.04:LTS and Ubuntu:23.10; the Pro (ESM) streams are not what a public image gets.
      const select = (available: readonly string[]) =>
        available.filter((e) => e === `Ubuntu:${v}` || e.startsWith(`Ubuntu:${v}:`));
      return {
        selectEcosystems: select,
        names,
        version,
        ordering: compareDebianVersions,
        semver: compareSemverVersions,
      };
    }
    return null;
  }
  // Wolfi and Chainguard are rolling apk distributions: one OSV ecosystem each, no release.
  if (pkg.type === 'apk' && (os.id === 'wolfi' || os.id === 'chainguard')) {
    return {
      selectEcosystems: exactly(os.id === 'wolfi' ? 'Wolfi' : 'Chainguard'),
      names: unique([pkg.source?.name, pkg.name]),
      version: pkg.version,
      ordering: compareApkVersions,
      semver: compareSemverVersions,
    };
  }
  if (pkg.type === 'apk' && (os.id === 'alpine' || os.idLike.includes('alpine')) && v) {
    const release = v.split('.').slice(0, 2).join('.');
    return {
      selectEcosystems: exactly(`Alpine:v${release}`),
      names: unique([pkg.source?.name, pkg.name]),
      version: pkg.version,
      ordering: compareApkVersions,
      semver: compareSemverVersions,
    };
  }
  if (pkg.type === 'rpm' && v) {
    const m = major(v);
    let select: ((available: readonly string[]) => string[]) | null = null;
    if (os.id === 'rocky') select = exactly(`Rocky Linux:${m}`);
    else if (os.id === 'almalinux') select = exactly(`AlmaLinux:${m}`);
    else if (os.id === 'rhel')
      select = (available) =>
        available.filter((e) => {
          const parts = e.split(':');
          return parts[0] === 'Red Hat' && parts[1] === 'enterprise_linux' && major(parts[2] ?? '') === m;
        });
    if (!select) return null;
    return {
      selectEcosystems: select,
      names: unique([pkg.name, pkg.source?.name]),
      version: pkg.epoch ? `${pkg.epoch}:${pkg.version}` : pkg.version,
      ordering: compareRpmVersions,
      semver: compareSemverVersions,
    };
  }
  return null;
}

/** How to match a package, or null when no OSV ecosystem covers it. */
export function targetFor(pkg: Package, os: OsInfo | null): MatchTarget | null {
  switch (pkg.type) {
    case 'pypi':
      return {
        selectEcosystems: exactly('PyPI'),
        names: [normalizeName('PyPI', pkg.name)],
        version: pkg.version,
        ordering: comparePep440Versions,
        semver: compareSemverVersions,
      };
    case 'npm':
      return {
        selectEcosystems: exactly('npm'),
        names: [pkg.namespace ? `${pkg.namespace}/${pkg.name}` : pkg.name],
        version: pkg.version,
        ordering: compareSemverVersions,
        semver: compareSemverVersions,
      };
    case 'golang':
      return {
        selectEcosystems: exactly('Go'),
        names: [pkg.name],
        version: pkg.version,
        ordering: compareGoVersions,
        semver: compareGoVersions,
      };
    case 'maven':
      return {
        selectEcosystems: exactly('Maven'),
        names: [pkg.namespace ? `${pkg.namespace}:${pkg.name}` : pkg.name],
        version: pkg.version,
        ordering: compareMavenVersions,
        semver: compareSemverVersions,
      };
    default:
      return osTarget(pkg, os);
  }
}

/** The OSV archive (top-level ecosystem) an ecosystem's records are published in: `Debian:12` → `Debian`. */
export function archiveOf(ecosystem: string): string {
  return ecosystem.split(':')[0]!;
}

/** The archives an inventory needs, for `db update` driven by an image. */
export function archivesFor(packages: readonly Package[], os: OsInfo | null): string[] {
  const archives = new Set<string>();
  for (const p of packages) {
    if (p.type === 'pypi') archives.add('PyPI');
    else if (p.type === 'npm') archives.add('npm');
    else if (p.type === 'golang') archives.add('Go');
    else if (p.type === 'maven') archives.add('Maven');
    else if (os?.id === 'debian') archives.add('Debian');
    else if (os?.id === 'ubuntu') archives.add('Ubuntu');
    else if (os?.id === 'alpine') archives.add('Alpine');
    else if (os?.id === 'wolfi') archives.add('Wolfi');
    else if (os?.id === 'chainguard') archives.add('Chainguard');
    else if (os?.id === 'rocky') archives.add('Rocky Linux');
    else if (os?.id === 'almalinux') archives.add('AlmaLinux');
    else if (os?.id === 'rhel') archives.add('Red Hat');
  }
  return [...archives].sort();
}
