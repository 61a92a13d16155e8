/**
 * CycloneDX 1.6 JSON built with the CycloneDX library's models and normalizer: one component per
 * package (purl, stable bom-ref, licenses as declared text) with layer evidence as properties and the
 * recording file as an `evidence.occurrences` location (a 1.5+ field the library does not model yet,
 * added to the normalized document). `validateCycloneDx` runs the library's strict JSON schema check.
 * The library is loaded on first use: it costs ~300 ms to import, which `dockaudit` and users of the
 * library API that never write an SBOM should not pay.
 */
import { createHash } from 'node:crypto';
import type { Models } from '@cyclonedx/cyclonedx-library';
import type { Package } from '../image/packages/model.js';
import type { Vulnerability } from '../image/vulns/scan.js';
import type { SbomOptions, SbomSubject } from './subject.js';

export const PROPERTY_LAYER_DIGEST = 'dockaudit:layer:digest';
export const PROPERTY_LAYER_INDEX = 'dockaudit:layer:index';
export const PROPERTY_PATH = 'dockaudit:package:path';
export const PROPERTY_SOURCE = 'dockaudit:package:source';
export const PROPERTY_TYPE = 'dockaudit:package:type';

/** A UUID (version 5 layout) derived from the content, so the same inventory gives the same serial. */
export function stableUuid(seed: string): string {
  const hex = createHash('sha256').update(seed).digest('hex');
  const variant = ((Number.parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

type Library = typeof import('@cyclonedx/cyclonedx-library');

function component({ Enums, Models }: Library, pkg: Package): Models.Component {
  const c = new Models.Component(Enums.ComponentType.Library, pkg.name, {
    bomRef: pkg.ref,
    version: pkg.version,
    purl: pkg.purl,
    group: pkg.type === 'maven' || pkg.type === 'npm' ? pkg.namespace : undefined,
  });
  if (pkg.license) c.licenses.add(new Models.NamedLicense(pkg.license));
  c.properties.add(new Models.Property(PROPERTY_TYPE, pkg.type));
  c.properties.add(new Models.Property(PROPERTY_PATH, pkg.path));
  c.properties.add(new Models.Property(PROPERTY_LAYER_INDEX, String(pkg.layer)));
  if (pkg.layerDigest) c.properties.add(new Models.Property(PROPERTY_LAYER_DIGEST, pkg.layerDigest));
  if (pkg.source)
    c.properties.add(new Models.Property(PROPERTY_SOURCE, `${pkg.source.name}@${pkg.source.version}`));
  return c;
}

type JsonObject = Record<string, unknown>;

/** The CycloneDX 1.6 document as a JSON object. */
export async function cycloneDxDocument(subject: SbomSubject, options: SbomOptions): Promise<JsonObject> {
  const library: Library = await import('@cyclonedx/cyclonedx-library');
  const { Enums, Models, Serialize, Spec } = library;
  const { inventory } = subject;
  const bom = new Models.Bom();
  const seed = [subject.name, subject.digest ?? '', ...inventory.packages.map((p) => p.ref)].join('\n');
  bom.serialNumber = `urn:uuid:${stableUuid(seed)}`;
  bom.metadata.timestamp = options.now ?? new Date();
  bom.metadata.tools.components.add(
    new Models.Component(Enums.ComponentType.Application, 'dockaudit', { version: options.toolVersion }),
  );
  const root = new Models.Component(Enums.ComponentType.Container, subject.name, {
    bomRef: `image:${subject.name}`,
    version: subject.digest,
  });
  bom.metadata.component = root;
  if (inventory.os) {
    const os = new Models.Component(Enums.ComponentType.OperatingSystem, inventory.os.id, {
      bomRef: `os:${inventory.os.id}@${inventory.os.versionId}`,
      version: inventory.os.versionId || undefined,
      description: inventory.os.prettyName,
    });
    bom.components.add(os);
    root.dependencies.add(os.bomRef);
  }
  for (const pkg of inventory.packages) {
    const c = component(library, pkg);
    bom.components.add(c);
    root.dependencies.add(c.bomRef);
  }
  const factory = new Serialize.JSON.Normalize.Factory(Spec.Spec1dot6);
  const normalized = factory.makeForBom().normalize(bom, { sortLists: true }) as unknown as JsonObject;
  const byRef = new Map(inventory.packages.map((p) => [p.ref, p]));
  for (const c of (normalized.components ?? []) as JsonObject[]) {
    const pkg = byRef.get(c['bom-ref'] as string);
    if (pkg) c.evidence = { ...((c.evidence as JsonObject) ?? {}), occurrences: [{ location: pkg.path }] };
  }
  if (subject.vulnerabilities && subject.vulnerabilities.length > 0)
    normalized.vulnerabilities = vulnerabilitiesOf(subject.vulnerabilities);
  return normalized;
}

const METHODS: Record<string, string> = { CVSS_V3: 'CVSSv31', CVSS_V2: 'CVSSv2' };

/** CycloneDX `vulnerabilities`: one entry per advisory, affecting every component it was found in. */
function vulnerabilitiesOf(vulnerabilities: readonly Vulnerability[]): JsonObject[] {
  const byId = new Map<string, { v: Vulnerability; refs: Set<string> }>();
  for (const v of vulnerabilities) {
    const entry = byId.get(v.id) ?? { v, refs: new Set<string>() };
    entry.refs.add(v.package.ref);
    byId.set(v.id, entry);
  }
  return [...byId.values()]
    .sort((a, b) => (a.v.id < b.v.id ? -1 : a.v.id > b.v.id ? 1 : 0))
    .map(({ v, refs }) => {
      const rating: JsonObject = {
        severity: v.rating.level === 'UNKNOWN' ? 'unknown' : v.rating.level.toLowerCase(),
      };
      if (v.rating.score !== undefined) rating.score = v.rating.score;
      if (v.rating.vector) rating.vector = v.rating.vector;
      const method =
        METHODS[v.rating.source] ?? (v.rating.vector?.startsWith('CVSS:4.0') ? 'CVSSv4' : undefined);
      if (method) rating.method = method;
      const entry: JsonObject = {
        'bom-ref': `vuln:${v.id}`,
        id: v.id,
        source: { name: 'OSV', url: `https://osv.dev/vulnerability/${encodeURIComponent(v.id)}` },
        ratings: [rating],
        affects: [...refs].sort().map((ref) => ({ ref })),
      };
      if (v.aliases.length > 0)
        entry.references = v.aliases.map((id) => ({
          id,
          source: { name: 'OSV', url: `https://osv.dev/vulnerability/${encodeURIComponent(id)}` },
        }));
      if (v.summary) entry.description = v.summary;
      if (v.fixed) entry.recommendation = `Upgrade ${v.package.name} to ${v.fixed} or later`;
      return entry;
    });
}

export async function renderCycloneDx(subject: SbomSubject, options: SbomOptions): Promise<string> {
  return `${JSON.stringify(await cycloneDxDocument(subject, options), null, 2)}\n`;
}

/** Null when the document is valid CycloneDX 1.6 JSON, else the validator's error details. */
export async function validateCycloneDx(json: string): Promise<unknown> {
  const { Spec, Validation } = await import('@cyclonedx/cyclonedx-library');
  return new Validation.JsonStrictValidator(Spec.Version.v1dot6).validate(json);
}
