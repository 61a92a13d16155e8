import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareDebianVersions } from '../../../../src/image/vulns/version/dpkg.js';
import { compareRpmVersions, rpmvercmp } from '../../../../src/image/vulns/version/rpm.js';
import { dpkgCompareMany, E2E, hasDpkg, hasPythonRpm, rpmCompareMany, rpmVercmpMany } from './reference.js';

const SEED = 20261122;

function chars(alphabet: string, min: number, max: number): fc.Arbitrary<string> {
  return fc
    .array(fc.constantFrom(...alphabet.split('')), { minLength: min, maxLength: max })
    .map((a) => a.join(''));
}

const debianVersion = fc
  .tuple(
    fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }),
    fc.constantFrom(...'0123456789'.split('')),
    chars('0123456789a.+~Zz', 0, 6),
    fc.option(chars('0123456789b.+~', 1, 4), { nil: undefined }),
  )
  .map(([epoch, first, rest, revision]) => {
    const upstream = first + rest;
    return `${epoch === undefined ? '' : `${epoch}:`}${upstream}${revision === undefined ? '' : `-${revision}`}`;
  });

const rpmPart = chars('0123456789ab.~^_+', 1, 6);

const dpkgAvailable = hasDpkg();
const rpmAvailable = hasPythonRpm();

describe.skipIf(!dpkgAvailable && !E2E)('dpkg ordering against dpkg --compare-versions', () => {
  it('dpkg is present (required with DOCKAUDIT_E2E=1)', () => {
    expect(dpkgAvailable, 'dpkg is missing').toBe(true);
  });

  it('agrees on the specification cases', () => {
    const versions = ['1.0~~', '1.0~~a', '1.0~', '1.0', '1.0a', '1.0+', '1.0.1', '1:0.1', '1.0-a', '1.0-1'];
    const pairs = versions.flatMap((a) => versions.map((b) => [a, b] as const));
    const expected = dpkgCompareMany(pairs);
    pairs.forEach(([a, b], i) => {
      expect(Math.sign(compareDebianVersions(a, b)), `${a} vs ${b}`).toBe(expected[i]);
    });
  });

  it('agrees on 1500 random pairs', () => {
    const sample = fc.sample(fc.tuple(debianVersion, debianVersion), { numRuns: 1500, seed: SEED });
    // Pairs that share a prefix are where orderings differ; derive half of them from one version.
    const pairs = sample.map(([a, b], i) =>
      i % 2 === 0 ? ([a, b] as const) : ([a, a + b.slice(0, 2)] as const),
    );
    const expected = dpkgCompareMany(pairs);
    let errors = 0;
    pairs.forEach(([a, b], i) => {
      // Where dpkg rejects the syntax, so must we; elsewhere the order must be the same.
      if (expected[i] === 'error') {
        errors++;
        expect(isDebian(a) && isDebian(b), `${a} vs ${b} is rejected by dpkg`).toBe(false);
      } else expect(Math.sign(compareDebianVersions(a, b)), `${a} vs ${b}`).toBe(expected[i]);
    });
    expect(errors).toBeLessThan(pairs.length / 2);
  });
});

function isDebian(v: string): boolean {
  try {
    compareDebianVersions(v, '0');
    return true;
  } catch {
    return false;
  }
}

describe.skipIf(!rpmAvailable && !E2E)("rpm ordering against RPM's labelCompare (python3-rpm)", () => {
  it('python3-rpm is present (required with DOCKAUDIT_E2E=1; scripts/e2e/vulns-setup.sh installs it)', () => {
    expect(rpmAvailable, 'python3-rpm is missing').toBe(true);
  });

  it('agrees on the specification cases', () => {
    const versions = [
      '1.0',
      '1.0a',
      '1.0.1',
      '5.5p1',
      '5.5p10',
      '1.0~rc1',
      '1.0^git1',
      '1.0^',
      'xyz.4',
      '8',
      '1_0',
    ];
    const pairs = versions.flatMap((a) => versions.map((b) => [a, b] as const));
    const expected = rpmVercmpMany(pairs);
    pairs.forEach(([a, b], i) => {
      expect(Math.sign(rpmvercmp(a, b)), `${a} vs ${b}`).toBe(expected[i]);
    });
  });

  it('agrees on 1500 random epoch-version-release pairs', () => {
    const evr = fc.tuple(fc.constantFrom('0', '1'), rpmPart, rpmPart);
    const sample = fc.sample(fc.tuple(evr, evr), { numRuns: 1500, seed: SEED });
    const pairs = sample.map(([a, b], i) =>
      i % 2 === 0 ? ([a, b] as const) : ([a, [a[0], a[1] + b[1].slice(0, 2), b[2]]] as const),
    );
    const expected = rpmCompareMany(pairs);
    pairs.forEach(([a, b], i) => {
      const got = compareRpmVersions(`${a[0]}:${a[1]}-${a[2]}`, `${b[0]}:${b[1]}-${b[2]}`);
      expect(Math.sign(got), `${a.join(':')} vs ${b.join(':')}`).toBe(expected[i]);
    });
  });
});
