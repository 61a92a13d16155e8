// biome-ignore-all lint/suspicious/noExplicitAny: the tests walk parsed JSON documents field by field
import { describe, expect, it } from 'vitest';
import { runOnLayers } from '../../src/image/packages/drive.js';
import { createInventoryAnalyzer } from '../../src/image/packages/inventory.js';
import {
  cycloneDxDocument,
  renderCycloneDx,
  stableUuid,
  validateCycloneDx,
} from '../../src/sbom/cyclonedx.js';
import { renderSpdx, spdxDocument } from '../../src/sbom/spdx.js';
import { FIXTURE_LAYERS } from '../image/vulns/fixture.js';

const now = new Date('2026-01-02T03:04:05.678Z');
const options = { now, toolVersion: '0.1.0' };

async function subject() {
  const inventory = await runOnLayers(createInventoryAnalyzer(), [
    ...FIXTURE_LAYERS,
    {
      files: [
        // The same package twice, at two paths: refs must stay unique.
        {
          path: 'srv/node_modules/left-pad/package.json',
          content: '{"name":"left-pad","version":"1.0.0","license":"WTFPL"}',
        },
      ],
    },
  ]);
  return { name: 'registry.example/app:1.0', digest: 'sha256:abc', inventory };
}

describe('CycloneDX 1.6', () => {
  it('passes the CycloneDX library JSON schema validation for 1.6', async () => {
    const json = await renderCycloneDx(await subject(), options);
    expect(await validateCycloneDx(json)).toBeNull();
  });

  it('has the fields consumers rely on, stable bom-refs, and layer and path evidence', async () => {
    const doc = (await cycloneDxDocument(await subject(), options)) as Record<string, any>;
    expect(doc.bomFormat).toBe('CycloneDX');
    expect(doc.specVersion).toBe('1.6');
    expect(doc.metadata.timestamp).toBe('2026-01-02T03:04:05.678Z');
    expect(doc.metadata.component).toMatchObject({
      type: 'container',
      name: 'registry.example/app:1.0',
      version: 'sha256:abc',
    });
    const refs = doc.components.map((c: any) => c['bom-ref']);
    expect(new Set(refs).size).toBe(refs.length);
    expect(refs).toContain('os:debian@12');
    expect(refs).toContain('pkg:npm/left-pad@1.0.0#srv/node_modules/left-pad/package.json');
    const ssl = doc.components.find((c: any) => c.name === 'libssl3');
    expect(ssl.purl).toBe('pkg:deb/debian/libssl3@3.0.11-1~deb12u2?arch=amd64&distro=debian-12');
    expect(ssl.evidence).toEqual({ occurrences: [{ location: 'var/lib/dpkg/status' }] });
    expect(Object.fromEntries(ssl.properties.map((p: any) => [p.name, p.value]))).toEqual({
      'dockaudit:layer:digest': `sha256:${'0'.repeat(64)}`,
      'dockaudit:layer:index': '0',
      'dockaudit:package:path': 'var/lib/dpkg/status',
      'dockaudit:package:source': 'openssl@3.0.11-1~deb12u2',
      'dockaudit:package:type': 'deb',
    });
    const babel = doc.components.find((c: any) => c.name === 'core');
    expect([babel.group, babel.purl]).toEqual(['@babel', 'pkg:npm/%40babel/core@7.23.0']);
  });

  it('is byte-for-byte reproducible', async () => {
    expect(await renderCycloneDx(await subject(), options)).toBe(
      await renderCycloneDx(await subject(), options),
    );
    expect(stableUuid('x')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('is rejected by the validator when broken (the check can fail)', async () => {
    const doc = (await cycloneDxDocument(await subject(), options)) as Record<string, any>;
    doc.components[1].type = 'not-a-type';
    expect(await validateCycloneDx(JSON.stringify(doc))).not.toBeNull();
  });
});

describe('SPDX 2.3', () => {
  it('has the structure SPDX 2.3 requires', async () => {
    const s = await subject();
    const doc = JSON.parse(renderSpdx(s, options));
    expect(Object.keys(doc).sort()).toEqual([
      'SPDXID',
      'creationInfo',
      'dataLicense',
      'documentNamespace',
      'name',
      'packages',
      'relationships',
      'spdxVersion',
    ]);
    expect([doc.spdxVersion, doc.dataLicense, doc.SPDXID]).toEqual([
      'SPDX-2.3',
      'CC0-1.0',
      'SPDXRef-DOCUMENT',
    ]);
    expect(doc.documentNamespace).toMatch(/^https:\/\/[^#]+$/);
    expect(doc.creationInfo).toEqual({
      created: '2026-01-02T03:04:05Z',
      creators: ['Tool: dockaudit-0.1.0'],
    });
    const ids = doc.packages.map((p: any) => p.SPDXID);
    expect(new Set(ids).size).toBe(ids.length);
    for (const p of doc.packages) {
      expect(p.SPDXID).toMatch(/^SPDXRef-[A-Za-z0-9.-]+$/);
      for (const field of [
        'name',
        'downloadLocation',
        'licenseConcluded',
        'licenseDeclared',
        'copyrightText',
      ])
        expect(typeof p[field]).toBe('string');
      expect(p.filesAnalyzed).toBe(false);
    }
    expect(doc.packages).toHaveLength(s.inventory.packages.length + 1);
    const known = new Set([...ids, 'SPDXRef-DOCUMENT']);
    for (const r of doc.relationships) {
      expect(known.has(r.spdxElementId) && known.has(r.relatedSpdxElement)).toBe(true);
      expect(['DESCRIBES', 'CONTAINS']).toContain(r.relationshipType);
    }
    expect(doc.relationships.filter((r: any) => r.relationshipType === 'DESCRIBES')).toEqual([
      {
        spdxElementId: 'SPDXRef-DOCUMENT',
        relationshipType: 'DESCRIBES',
        relatedSpdxElement: 'SPDXRef-Image',
      },
    ]);
    const django = doc.packages.find((p: any) => p.name === 'Django');
    expect(django.externalRefs).toEqual([
      {
        referenceCategory: 'PACKAGE-MANAGER',
        referenceType: 'purl',
        referenceLocator: 'pkg:pypi/django@4.2.7',
      },
    ]);
    expect(django.sourceInfo).toBe(
      `recorded in /usr/lib/python3/site-packages/Django-4.2.7.dist-info/METADATA, layer 1 (sha256:${'0'.repeat(63)}1)`,
    );
    expect(spdxDocument(s, options).documentNamespace).toBe(
      spdxDocument(await subject(), options).documentNamespace,
    );
  });
});
