/** What the package readers find in an image: the OS and every installed package, with evidence. */

export type PackageType = 'deb' | 'apk' | 'rpm' | 'pypi' | 'npm' | 'golang' | 'maven';

/** Where a package was found: the layer that put it there and the file that records it. */
export interface Evidence {
  /** 0-based layer index (base layers first); a plain folder is read as one layer 0. */
  layer: number;
  /** The layer's digest (empty when unknown, as for a folder). */
  layerDigest: string;
  /** The file that records the package (database, metadata file or binary), without leading `/`. */
  path: string;
}

/** A package as a reader finds it, before the OS is known. */
export interface PackageRecord extends Evidence {
  type: PackageType;
  name: string;
  version: string;
  /** Maven group id; npm scope (`@scope`); Go modules keep the whole path in `name`. */
  namespace?: string;
  /** The source package it was built from (Debian `Source:`, apk origin, RPM source RPM). */
  source?: { name: string; version: string };
  arch?: string;
  /** RPM epoch (kept apart: OSV RPM versions carry it as `epoch:version-release`). */
  epoch?: number;
  license?: string;
}

/** A package with its package URL and a stable identifier (unique in one inventory). */
export interface Package extends PackageRecord {
  purl: string;
  /** Stable id: the purl, plus `#path` when the same purl occurs in more than one place. */
  ref: string;
}

export interface OsInfo {
  /** `ID` of os-release (debian, ubuntu, alpine, rhel, rocky, almalinux, fedora, …). */
  id: string;
  /** `VERSION_ID` (12, 22.04, 3.19.1, 9.3, …); empty when the OS has none (Debian sid). */
  versionId: string;
  versionCodename: string;
  idLike: string[];
  prettyName: string;
  path: string;
  layer: number;
}

export interface Inventory {
  os: OsInfo | null;
  packages: Package[];
  /** Files that could not be read (malformed databases, oversized files), with the reason. */
  problems: InventoryProblem[];
}

export interface InventoryProblem {
  path: string;
  layer: number;
  message: string;
}

/** What one package reader's analyzer returns. */
export interface PackagesResult {
  packages: PackageRecord[];
  problems: InventoryProblem[];
}
