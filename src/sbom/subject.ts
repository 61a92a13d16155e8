import type { Inventory } from '../image/packages/model.js';
import type { Vulnerability } from '../image/vulns/scan.js';

/** What an SBOM describes: an image (or a folder) and the inventory read from it. */
export interface SbomSubject {
  /** Image reference or folder path, as the user named it. */
  name: string;
  /** Image manifest or config digest, when known. */
  digest?: string;
  inventory: Inventory;
  /** Known vulnerabilities of the packages, written as CycloneDX `vulnerabilities` when present. */
  vulnerabilities?: readonly Vulnerability[];
}

export interface SbomOptions {
  /** Creation time written in the document (defaults to now); fixed in tests for stable output. */
  now?: Date;
  toolVersion: string;
}
