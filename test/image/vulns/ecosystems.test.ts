import { describe, expect, it } from 'vitest';
import type { OsInfo, Package } from '../../../src/image/packages/model.js';
import { archivesFor, normalizeName, targetFor } from '../../../src/image/vulns/osv/ecosystems.js';

const os = (id: string, versionId: string): OsInfo => ({
  id,
  versionId,
  versionCodename: '',
  idLike: [],
  prettyName: id,
  path: 'etc/os-release',
  layer: 0,
});
const pkg = (p: Partial<Package>): Package => ({
  type: 'deb',
  name: 'x',
  version: '1',
  purl: '',
  ref: '',
  path: '',
  layer: 0,
  layerDigest: '',
  ...p,
});
const AVAILABLE = [
  'AlmaLinux:9',
  'Alpine:v3.18',
  'Alpine:v3.19',
  'Debian:11',
  'Debian:12',
  'Go',
  'Maven',
  'PyPI',
  'Red Hat:enterprise_linux:9::appstream',
  'Red Hat:rhel_eus:8.6::baseos',
  'Rocky Linux:9',
  'Ubuntu:22.04:LTS',
  'Ubuntu:Pro:22.04:LTS',
  'Wolfi',
  'npm',
];

describe('OSV ecosystems of packages', () => {
  it('picks the release of the OS and the right names and versions', () => {
    const deb = targetFor(
      pkg({
        name: 'libssl3',
        version: '3.0.11-1~deb12u2+b1',
        source: { name: 'openssl', version: '3.0.11-1~deb12u2' },
      }),
      os('debian', '12'),
    )!;
    expect([deb.selectEcosystems(AVAILABLE), deb.names, deb.version]).toEqual([
      ['Debian:12'],
      ['openssl'],
      '3.0.11-1~deb12u2',
    ]);
    const ubuntu = targetFor(pkg({ name: 'bash' }), os('ubuntu', '22.04'))!;
    expect(ubuntu.selectEcosystems(AVAILABLE)).toEqual(['Ubuntu:22.04:LTS']);
    const apk = targetFor(
      pkg({ type: 'apk', name: 'libcrypto3', source: { name: 'openssl', version: '3.1.4-r1' } }),
      os('alpine', '3.19.1'),
    )!;
    expect([apk.selectEcosystems(AVAILABLE), apk.names]).toEqual([
      ['Alpine:v3.19'],
      ['openssl', 'libcrypto3'],
    ]);
    const wolfi = targetFor(pkg({ type: 'apk', name: 'glibc' }), os('wolfi', '20230201'))!;
    expect(wolfi.selectEcosystems(AVAILABLE)).toEqual(['Wolfi']);
    const rpm = targetFor(
      pkg({
        type: 'rpm',
        name: 'openssl-libs',
        version: '3.0.7-24.el9',
        epoch: 1,
        source: { name: 'openssl', version: '3.0.7-24.el9' },
      }),
      os('rhel', '9.3'),
    )!;
    expect([rpm.selectEcosystems(AVAILABLE), rpm.names, rpm.version]).toEqual([
      ['Red Hat:enterprise_linux:9::appstream'],
      ['openssl-libs', 'openssl'],
      '1:3.0.7-24.el9',
    ]);
    expect(targetFor(pkg({ type: 'rpm' }), os('rocky', '9.2'))!.selectEcosystems(AVAILABLE)).toEqual([
      'Rocky Linux:9',
    ]);
    expect(targetFor(pkg({ type: 'rpm' }), os('almalinux', '9.2'))!.selectEcosystems(AVAILABLE)).toEqual([
      'AlmaLinux:9',
    ]);
    expect(targetFor(pkg({ type: 'deb' }), os('debian', ''))).toBeNull();
    expect(targetFor(pkg({ type: 'deb' }), null)).toBeNull();
  });

  it('names language packages as OSV does', () => {
    expect(targetFor(pkg({ type: 'npm', namespace: '@babel', name: 'core' }), null)!.names).toEqual([
      '@babel/core',
    ]);
    expect(targetFor(pkg({ type: 'maven', namespace: 'org.yaml', name: 'snakeyaml' }), null)!.names).toEqual([
      'org.yaml:snakeyaml',
    ]);
    expect(targetFor(pkg({ type: 'pypi', name: 'Zope.Interface' }), null)!.names).toEqual(['zope-interface']);
    expect(normalizeName('PyPI', 'typing_extensions')).toBe('typing-extensions');
    expect(normalizeName('npm', 'Foo_Bar')).toBe('Foo_Bar');
  });

  it('lists the archives an image needs', () => {
    expect(
      archivesFor([pkg({ type: 'deb' }), pkg({ type: 'pypi' }), pkg({ type: 'golang' })], os('debian', '12')),
    ).toEqual(['Debian', 'Go', 'PyPI']);
  });
});
