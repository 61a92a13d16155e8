/**
 * End to end: the debootstrap-based base image built by scripts/e2e/build-fixtures.sh (the image
 * helper's fixtures) must yield exactly the package list dpkg-query printed for that root filesystem.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDpkgStatus } from '../../../src/image/packages/dpkg.js';

const E2E = process.env.DOCKAUDIT_E2E === '1';
const root = join(import.meta.dirname, '../../..');
const fixtures = process.env.DOCKAUDIT_FIXTURES ?? join(root, '.cache/e2e/fixtures');
const listing = join(fixtures, 'debian-minbase.dpkg-query.tsv');
const status = join(fixtures, 'debian-minbase.status');
const present = existsSync(listing) && existsSync(status);
// The fixtures are expected wherever the script that builds them is part of the tree.
const expected = existsSync(join(root, 'scripts/e2e/build-fixtures.sh'));

describe.skipIf(!present && !(E2E && expected))('debootstrap fixture: dpkg reader against dpkg-query', () => {
  it('the fixtures are built (scripts/e2e/build-fixtures.sh)', () => {
    expect(present, `missing ${listing}`).toBe(true);
  });

  it('lists exactly the packages, versions, architectures and sources dpkg-query printed', () => {
    const reference = readFileSync(listing, 'utf8').split('\n').filter(Boolean).sort();
    const ours = parseDpkgStatus(readFileSync(status, 'utf8'))
      .map((e) => [e.name, e.version, e.arch, e.sourceName, e.sourceVersion].join('\t'))
      .sort();
    expect(reference.length).toBeGreaterThan(50);
    expect(ours).toEqual(reference);
  });
});
