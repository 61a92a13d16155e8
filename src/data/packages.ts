/**
 * What common system packages add to an image, dependencies included. Measured on Debian 12 (bookworm)
 * amd64: `apt-get -s install --no-install-recommends NAME` against the dpkg status of a
 * `debootstrap --variant=minbase bookworm` root (what the package pulls in beyond a minimal Debian), the
 * `Installed-Size` fields of those packages summed (apt metadata of the bookworm archive). Slim official
 * images already hold a few of these dependencies, so the figures err on the large side there.
 */

export interface PackageEstimate {
  name: string;
  /** Installed bytes of the package and the dependencies it pulls into a minimal Debian. */
  installedBytes: number;
  /** Packages installed (itself included). */
  packages: number;
  source: string;
  date: string;
}

const SOURCE =
  'apt-get -s install --no-install-recommends against debootstrap minbase bookworm; sum of Installed-Size (Debian 12 archive)';
const DATE = '2026-11-22';

/** [name, packages installed, installed KiB] */
const MEASURED: [string, number, number][] = [
  ['curl', 16, 11_703],
  ['wget', 2, 3_617],
  ['gcc', 25, 176_018],
  ['g++', 44, 260_915],
  ['build-essential', 58, 323_378],
  ['libpq-dev', 12, 22_483],
  ['libpq5', 10, 9_682],
  ['python3', 22, 32_710],
  ['python3-pip', 30, 46_811],
  ['python3-venv', 30, 39_513],
  ['python3-dev', 41, 92_218],
  ['nodejs', 13, 284_544],
  ['npm', 387, 418_185],
  ['nginx-light', 19, 15_489],
  ['nginx', 17, 15_328],
  ['git', 25, 113_894],
  ['default-jdk-headless', 37, 301_104],
  ['default-jre-headless', 35, 223_905],
  ['golang-go', 4, 453_413],
  ['make', 1, 1_592],
  ['libjpeg-dev', 19, 31_156],
  ['zlib1g-dev', 17, 30_586],
  ['libssl-dev', 2, 18_248],
  ['libffi-dev', 1, 315],
  ['ca-certificates', 3, 8_745],
];

const TABLE = new Map<string, PackageEstimate>(
  MEASURED.map(([name, packages, kib]) => [
    name,
    { name, packages, installedBytes: kib * 1024, source: SOURCE, date: DATE },
  ]),
);

/** The estimate for a package (apt name, version pin ignored), or null when it was not measured. */
export function packageEstimate(name: string): PackageEstimate | null {
  return TABLE.get(name.replace(/[=:].*$/, '')) ?? null;
}

export const PACKAGE_ESTIMATES: readonly PackageEstimate[] = [...TABLE.values()];
