/**
 * A fixture image inventory and a fixture OSV database with planted vulnerabilities: each advisory
 * says whether it must match (`plant`) and why, so the scan test can demand exactly the planted ones.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MemoryLayer } from '../../../src/image/packages/drive.js';
import type { OsvRange, OsvRecord } from '../../../src/image/vulns/osv/model.js';

const deb = (name: string, version: string, source = '') =>
  `Package: ${name}\nStatus: install ok installed\nVersion: ${version}\nArchitecture: amd64\n${source ? `Source: ${source}\n` : ''}`;

export const FIXTURE_LAYERS: MemoryLayer[] = [
  {
    files: [
      {
        path: 'etc/os-release',
        content: 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\nVERSION_ID="12"\n',
      },
      {
        path: 'var/lib/dpkg/status',
        content: [
          deb('libssl3', '3.0.11-1~deb12u2', 'openssl'),
          deb('libc6', '2.36-9+deb12u3', 'glibc'),
          deb('zlib1g', '1:1.2.13.dfsg-1', 'zlib'),
          deb('bash', '5.2.15-2+b2', 'bash (5.2.15-2)'),
        ].join('\n'),
      },
    ],
  },
  {
    files: [
      {
        path: 'usr/lib/python3/site-packages/Django-4.2.7.dist-info/METADATA',
        content: 'Name: Django\nVersion: 4.2.7\n',
      },
      {
        path: 'usr/lib/python3/site-packages/requests-2.31.0.dist-info/METADATA',
        content: 'Name: requests\nVersion: 2.31.0\n',
      },
      {
        path: 'app/node_modules/@babel/core/package.json',
        content: '{"name":"@babel/core","version":"7.23.0"}',
      },
      { path: 'app/node_modules/left-pad/package.json', content: '{"name":"left-pad","version":"1.0.0"}' },
      { path: 'app/node_modules/lodash/package.json', content: '{"name":"lodash","version":"4.17.21"}' },
    ],
  },
];

const CRITICAL = 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H';
const MEDIUM = 'CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N';

type Planted = OsvRecord & { plant: boolean; why: string };

function record(
  id: string,
  ecosystem: string,
  name: string,
  ranges: OsvRange[],
  extra: Partial<OsvRecord> = {},
  versions?: string[],
): OsvRecord {
  return {
    id,
    modified: '2024-01-01T00:00:00Z',
    affected: [{ package: { ecosystem, name }, ranges, ...(versions ? { versions } : {}) }],
    ...extra,
  };
}

const eco = (events: Array<Record<string, string>>) => [{ type: 'ECOSYSTEM' as const, events }];

export const FIXTURE_RECORDS: Planted[] = [
  {
    ...record(
      'DSA-5621-1',
      'Debian:12',
      'openssl',
      eco([{ introduced: '0' }, { fixed: '3.0.13-1~deb12u1' }]),
      { aliases: ['CVE-2024-0727'], severity: [{ type: 'CVSS_V3', score: MEDIUM }] },
    ),
    plant: true,
    why: 'source package openssl, fix newer than installed',
  },
  {
    ...record(
      'DEBIAN-CVE-2024-0727',
      'Debian:12',
      'openssl',
      eco([{ introduced: '0' }, { fixed: '3.0.13-1~deb12u1' }]),
      { aliases: ['CVE-2024-0727'] },
    ),
    plant: false,
    why: 'same CVE as DSA-5621-1: merged into it',
  },
  {
    ...record('DSA-0001-1', 'Debian:12', 'openssl', eco([{ introduced: '0' }, { fixed: '3.0.9-1' }])),
    plant: false,
    why: 'installed version is newer than the fix',
  },
  {
    ...record('DSA-0002-1', 'Debian:11', 'openssl', eco([{ introduced: '0' }, { fixed: '3.0.99-1' }])),
    plant: false,
    why: 'another Debian release',
  },
  {
    ...record('DSA-0003-1', 'Debian:12', 'libssl3', eco([{ introduced: '0' }, { fixed: '3.0.99-1' }])),
    plant: false,
    why: 'Debian advisories name source packages, not binary ones',
  },
  {
    ...record('DEBIAN-CVE-2023-4911', 'Debian:12', 'glibc', eco([{ introduced: '0' }]), {
      aliases: ['CVE-2023-4911'],
      severity: [{ type: 'CVSS_V3', score: CRITICAL }],
    }),
    plant: true,
    why: 'no fix yet (unfixed)',
  },
  {
    ...record('DSA-0004-1', 'Debian:12', 'zlib', eco([{ introduced: '0' }, { fixed: '1:1.2.13.dfsg-1' }])),
    plant: false,
    why: 'fixed exactly at the installed version (with epoch)',
  },
  {
    ...record('DSA-0005-1', 'Debian:12', 'zlib', eco([{ introduced: '0' }, { fixed: '1.3-1' }])),
    plant: false,
    why: 'epoch 1 makes the installed version newer',
  },
  {
    ...record('DSA-0006-1', 'Debian:12', 'bash', eco([{ introduced: '5.2.15-2' }, { fixed: '5.2.15-3' }])),
    plant: true,
    why: 'matched on the source version 5.2.15-2, not the binNMU 5.2.15-2+b2',
  },
  {
    ...record('GHSA-qw25-v68c-qjf3', 'PyPI', 'django', eco([{ introduced: '4.2' }, { fixed: '4.2.8' }]), {
      aliases: ['CVE-2023-46695'],
      database_specific: { severity: 'HIGH' },
    }),
    plant: true,
    why: 'PEP 503 name normalization (Django → django), GHSA rating',
  },
  {
    ...record('PYSEC-0001', 'PyPI', 'Django', eco([{ introduced: '4.0' }, { last_affected: '4.2.6' }])),
    plant: false,
    why: 'last_affected below the installed version',
  },
  {
    ...record('PYSEC-0002', 'PyPI', 'requests', eco([{ introduced: '2.0' }, { fixed: '2.31.0' }]), {
      withdrawn: '2024-02-01T00:00:00Z',
    }),
    plant: false,
    why: 'withdrawn',
  },
  {
    ...record(
      'GHSA-aaaa-bbbb-cccc',
      'npm',
      '@babel/core',
      [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '7.23.2' }] }],
      { severity: [{ type: 'CVSS_V3', score: CRITICAL }] },
    ),
    plant: true,
    why: 'scoped npm name, SEMVER range',
  },
  {
    ...record(
      'GHSA-left-pad-0000',
      'npm',
      'left-pad',
      [
        {
          type: 'GIT',
          repo: 'https://example.invalid/left-pad',
          events: [{ introduced: 'abc123' }, { fixed: 'def456' }],
        },
      ],
      {},
      ['0.9.0', '1.0.0'],
    ),
    plant: true,
    why: 'listed in versions (GIT range ignored)',
  },
  {
    ...record('GHSA-lodash-limit', 'npm', 'lodash', [
      { type: 'SEMVER', events: [{ introduced: '0' }, { limit: '4.17.0' }] },
    ]),
    plant: false,
    why: 'outside the limit',
  },
];

export const PLANTED = FIXTURE_RECORDS.filter((r) => r.plant)
  .map((r) => r.id)
  .sort();

/** Writes the records as one JSON file each under a fresh folder, in OSV's archive layout. */
export function writeFixtureFolder(records: readonly OsvRecord[] = FIXTURE_RECORDS): string {
  const dir = mkdtempSync(join(tmpdir(), 'osv-fixture-'));
  for (const r of records) {
    const { plant: _p, why: _w, ...osv } = r as Planted;
    const sub = join(dir, osv.affected?.[0]?.package?.ecosystem.split(':')[0] ?? 'misc');
    mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, `${osv.id}.json`), JSON.stringify(osv, null, 2));
  }
  return dir;
}

export function stripPlant(r: OsvRecord): OsvRecord {
  const { plant: _p, why: _w, ...osv } = r as Planted;
  return osv;
}
