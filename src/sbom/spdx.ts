/**
 * SPDX 2.3 JSON: one package per inventory package (purl as a PACKAGE-MANAGER external reference,
 * layer and path in `sourceInfo`), the image as the described package that CONTAINS them. Identifiers
 * derive from the stable refs; the namespace from the content, so output is reproducible.
 */
import { createHash } from 'node:crypto';
import type { Package } from '../image/packages/model.js';
import type { SbomOptions, SbomSubject } from './subject.js';

export interface SpdxDocument {
  spdxVersion: 'SPDX-2.3';
  dataLicense: 'CC0-1.0';
  SPDXID: 'SPDXRef-DOCUMENT';
  name: string;
  documentNamespace: string;
  creationInfo: { created: string; creators: string[] };
  packages: SpdxPackage[];
  relationships: Array<{ spdxElementId: string; relationshipType: string; relatedSpdxElement: string }>;
}

export interface SpdxPackage {
  SPDXID: string;
  name: string;
  versionInfo?: string;
  downloadLocation: 'NOASSERTION';
  filesAnalyzed: false;
  licenseConcluded: 'NOASSERTION';
  licenseDeclared: 'NOASSERTION';
  copyrightText: 'NOASSERTION';
  primaryPackagePurpose?: string;
  sourceInfo?: string;
  comment?: string;
  externalRefs?: Array<{ referenceCategory: string; referenceType: string; referenceLocator: string }>;
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** `SPDXRef-` ids allow only letters, digits, `.` and `-`: a readable prefix plus a hash of the ref. */
export function spdxIdOf(pkg: Package): string {
  const readable = `${pkg.type}-${pkg.name}`.replace(/[^A-Za-z0-9.-]+/g, '-').slice(0, 60);
  return `SPDXRef-Package-${readable}-${hash(pkg.ref).slice(0, 12)}`;
}

function spdxPackage(pkg: Package): SpdxPackage {
  const where = pkg.layerDigest ? `layer ${pkg.layer} (${pkg.layerDigest})` : `layer ${pkg.layer}`;
  return {
    SPDXID: spdxIdOf(pkg),
    name:
      pkg.namespace && pkg.type === 'maven'
        ? `${pkg.namespace}:${pkg.name}`
        : pkg.namespace
          ? `${pkg.namespace}/${pkg.name}`
          : pkg.name,
    versionInfo: pkg.version,
    downloadLocation: 'NOASSERTION',
    filesAnalyzed: false,
    // Declared licenses are free text in most package databases, not SPDX expressions: kept as a comment.
    licenseConcluded: 'NOASSERTION',
    licenseDeclared: 'NOASSERTION',
    copyrightText: 'NOASSERTION',
    primaryPackagePurpose: 'LIBRARY',
    sourceInfo: `recorded in /${pkg.path}, ${where}`,
    comment: pkg.license ? `declared license: ${pkg.license}` : undefined,
    externalRefs: [
      { referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: pkg.purl },
    ],
  };
}

export function spdxDocument(subject: SbomSubject, options: SbomOptions): SpdxDocument {
  const { inventory } = subject;
  const imageId = 'SPDXRef-Image';
  const seed = hash([subject.name, subject.digest ?? '', ...inventory.packages.map((p) => p.ref)].join('\n'));
  const packages: SpdxPackage[] = [
    {
      SPDXID: imageId,
      name: subject.name,
      versionInfo: subject.digest,
      downloadLocation: 'NOASSERTION',
      filesAnalyzed: false,
      licenseConcluded: 'NOASSERTION',
      licenseDeclared: 'NOASSERTION',
      copyrightText: 'NOASSERTION',
      primaryPackagePurpose: 'CONTAINER',
      comment: inventory.os ? `operating system: ${inventory.os.prettyName}` : undefined,
    },
  ];
  const relationships: SpdxDocument['relationships'] = [
    { spdxElementId: 'SPDXRef-DOCUMENT', relationshipType: 'DESCRIBES', relatedSpdxElement: imageId },
  ];
  for (const pkg of inventory.packages) {
    const p = spdxPackage(pkg);
    packages.push(p);
    relationships.push({
      spdxElementId: imageId,
      relationshipType: 'CONTAINS',
      relatedSpdxElement: p.SPDXID,
    });
  }
  return {
    spdxVersion: 'SPDX-2.3',
    dataLicense: 'CC0-1.0',
    SPDXID: 'SPDXRef-DOCUMENT',
    name: subject.name,
    documentNamespace: `https://github.com/dockaudit/dockaudit/spdx/${encodeURIComponent(subject.name)}-${seed.slice(0, 32)}`,
    creationInfo: {
      created: (options.now ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      creators: [`Tool: dockaudit-${options.toolVersion}`],
    },
    packages,
    relationships,
  };
}

export function renderSpdx(subject: SbomSubject, options: SbomOptions): string {
  return `${JSON.stringify(spdxDocument(subject, options), null, 2)}\n`;
}
