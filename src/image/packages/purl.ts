import { PackageURL } from 'packageurl-js';
import type { OsInfo, Package, PackageRecord } from './model.js';

/** purl namespaces of RPM-based distributions, by os-release ID. */
const RPM_VENDORS: Record<string, string> = {
  rhel: 'redhat',
  centos: 'centos',
  fedora: 'fedora',
  rocky: 'rocky',
  almalinux: 'almalinux',
  ol: 'oracle',
  amzn: 'amazon',
  opensuse: 'opensuse',
  'opensuse-leap': 'opensuse',
  sles: 'suse',
};

function distroQualifier(os: OsInfo | null): string | undefined {
  if (!os) return undefined;
  return os.versionId ? `${os.id}-${os.versionId}` : os.id;
}

/**
 * The package URL of a package (purl-spec types deb, apk, rpm, pypi, npm, golang, maven). What the type
 * cannot express (a Java archive without a group id, a name the type rejects) becomes a `generic` purl.
 */
export function purlOf(record: PackageRecord, os: OsInfo | null): string {
  try {
    return typedPurl(record, os);
  } catch {
    const name = record.namespace ? `${record.namespace}/${record.name}` : record.name;
    return new PackageURL('generic', null, name || 'unknown', record.version || null, null, null).toString();
  }
}

function typedPurl(record: PackageRecord, os: OsInfo | null): string {
  const qualifiers: Record<string, string> = {};
  if (record.arch) qualifiers.arch = record.arch;
  let namespace: string | undefined = record.namespace;
  let name = record.name;
  const version = record.version;
  switch (record.type) {
    case 'deb':
    case 'apk':
    case 'rpm': {
      const distro = distroQualifier(os);
      if (distro) qualifiers.distro = distro;
      if (record.type === 'deb') namespace = os?.id === 'ubuntu' ? 'ubuntu' : (os?.id ?? 'debian');
      else if (record.type === 'apk') namespace = os?.id ?? 'alpine';
      else namespace = RPM_VENDORS[os?.id ?? ''] ?? os?.id ?? 'rpm';
      if (record.epoch) qualifiers.epoch = String(record.epoch);
      break;
    }
    case 'golang': {
      const slash = name.lastIndexOf('/');
      if (slash !== -1) {
        namespace = name.slice(0, slash);
        name = name.slice(slash + 1);
      }
      break;
    }
    default:
      break;
  }
  const hasQualifiers = Object.keys(qualifiers).length > 0;
  return new PackageURL(
    record.type,
    namespace ?? null,
    name,
    version || null,
    hasQualifiers ? qualifiers : null,
    null,
  ).toString();
}

/** Adds purls and stable refs; sorts packages by purl then path so output never depends on read order. */
export function completePackages(records: readonly PackageRecord[], os: OsInfo | null): Package[] {
  const withPurl = records.map((r) => ({ ...r, purl: purlOf(r, os), ref: '' }));
  withPurl.sort((a, b) => compare(a.purl, b.purl) || compare(a.path, b.path) || a.layer - b.layer);
  const counts = new Map<string, number>();
  for (const p of withPurl) counts.set(p.purl, (counts.get(p.purl) ?? 0) + 1);
  const seen = new Set<string>();
  const result: Package[] = [];
  for (const p of withPurl) {
    p.ref = counts.get(p.purl) === 1 ? p.purl : `${p.purl}#${p.path}`;
    // The same package recorded twice in one file (a corrupt database) is kept once.
    if (seen.has(p.ref)) continue;
    seen.add(p.ref);
    result.push(p);
  }
  return result;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
