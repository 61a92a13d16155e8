/**
 * System packages in Dockerfiles: which are only needed to build (compilers, headers, package-manager
 * helpers), which the application needs at run time, and the run-time library a `-dev` package stands for.
 */
import type { StackKind } from './types.js';

export interface SystemPackage {
  /** Name as written, version pin included (`libpq-dev=15.4-0+deb12u1`). */
  raw: string;
  name: string;
  /** Version pin (`=15.4…` for apt, `=1.2-r0` / `~1.2` for apk), or null. */
  pin: string | null;
}

export function readPackage(raw: string): SystemPackage {
  const m = /^([A-Za-z0-9][A-Za-z0-9+.\-_:]*?)((?:=|~|>=|<=|>|<).+)?$/.exec(raw);
  if (!m) return { raw, name: raw, pin: null };
  return { raw, name: m[1]!, pin: m[2] ?? null };
}

const BUILD_TOOLS = new Set([
  'gcc',
  'g++',
  'cc',
  'clang',
  'make',
  'cmake',
  'ninja-build',
  'build-essential',
  'build-base',
  'pkg-config',
  'pkgconf',
  'autoconf',
  'automake',
  'libtool',
  'patch',
  'git',
  'rustc',
  'cargo',
  'musl-dev',
  'linux-headers',
  'g++-multilib',
]);

/** Package-manager helpers only the builder needs, per stack. */
const STACK_BUILD_TOOLS: Record<StackKind, string[]> = {
  python: [
    'python3-pip',
    'python3-venv',
    'python3-dev',
    'python3-setuptools',
    'python3-wheel',
    'py3-pip',
    'python3-full',
  ],
  'node-static': ['nodejs', 'npm', 'yarnpkg', 'node-gyp'],
  'node-server': ['npm', 'yarnpkg', 'node-gyp'],
  go: ['golang', 'golang-go', 'go'],
  java: ['maven', 'gradle', 'default-jdk', 'default-jdk-headless', 'openjdk17-jdk', 'openjdk21-jdk'],
  generic: [],
};

/** Programs people install to fetch files or to probe health; not needed by the application itself. */
export const FETCH_TOOLS = new Set(['curl', 'wget']);

/** `-dev` packages and the run-time library they correspond to (same source package, so a pin carries over). */
const RUNTIME_OF_DEV: Record<string, string | null> = {
  'libpq-dev': 'libpq5',
  'libjpeg-dev': 'libjpeg62-turbo',
  'libjpeg62-turbo-dev': 'libjpeg62-turbo',
  'zlib1g-dev': 'zlib1g',
  'libffi-dev': 'libffi8',
  'default-libmysqlclient-dev': 'libmariadb3',
  'libmariadb-dev': 'libmariadb3',
  'libmariadb-dev-compat': 'libmariadb3',
  'libyaml-dev': 'libyaml-0-2',
  'libgmp-dev': 'libgmp10',
  // apk: the library package of each -dev
  'postgresql-dev': 'libpq',
  'libpq-dev@apk': 'libpq',
  'jpeg-dev': 'libjpeg-turbo',
  'zlib-dev': 'zlib',
  'libffi-dev@apk': 'libffi',
  'mariadb-dev': 'mariadb-connector-c',
  'yaml-dev': 'yaml',
};

/** Run-time libraries built from another source than their -dev package: a pin does not carry over. */
const SAME_ORIGIN_EXCEPT = new Set(['mariadb-connector-c', 'libmariadb3']);

/** Libraries every base of that kind already has: no need to install them again. */
const ALWAYS_PRESENT = new Set(['zlib1g', 'zlib', 'libc6', 'musl']);

export type PackageRole = 'build' | 'runtime' | 'fetch';

export interface PackageSplit {
  build: SystemPackage[];
  runtime: SystemPackage[];
  /** curl/wget: where they go depends on who uses them. */
  fetch: SystemPackage[];
  /** `-dev` packages replaced by their run-time library in the runtime stage. */
  mapped: { dev: string; lib: string }[];
  /** `-dev` packages whose run-time library is unknown: kept in the runtime stage. */
  unknownDev: string[];
}

export function isDevPackage(name: string): boolean {
  return /-dev$/.test(name) || name === 'libc-dev';
}

/** Splits installed packages into builder-only, runtime and fetch tools. */
export function splitPackages(
  packages: readonly SystemPackage[],
  stack: StackKind,
  manager: 'apt' | 'apk',
): PackageSplit {
  const out: PackageSplit = { build: [], runtime: [], fetch: [], mapped: [], unknownDev: [] };
  const stackTools = new Set(STACK_BUILD_TOOLS[stack]);
  const runtimeNames = new Set<string>();
  const addRuntime = (p: SystemPackage) => {
    if (runtimeNames.has(p.name) || ALWAYS_PRESENT.has(p.name)) return;
    runtimeNames.add(p.name);
    out.runtime.push(p);
  };
  for (const p of packages) {
    if (FETCH_TOOLS.has(p.name)) out.fetch.push(p);
    else if (BUILD_TOOLS.has(p.name) || stackTools.has(p.name)) out.build.push(p);
    else if (isDevPackage(p.name)) {
      out.build.push(p);
      const key =
        manager === 'apk' && RUNTIME_OF_DEV[`${p.name}@apk`] !== undefined ? `${p.name}@apk` : p.name;
      const lib = RUNTIME_OF_DEV[key];
      if (lib === undefined || lib === null) {
        out.unknownDev.push(p.raw);
        addRuntime(p);
      } else {
        out.mapped.push({ dev: p.name, lib });
        // The library comes from the same source package (apt) or origin (apk), so the same pin applies.
        const pin = SAME_ORIGIN_EXCEPT.has(lib) ? null : p.pin;
        addRuntime({ raw: pin ? `${lib}${pin}` : lib, name: lib, pin });
      }
    } else addRuntime(p);
  }
  return out;
}

/** A RUN line installing packages with the distribution's package manager, BuildKit caches mounted. */
export function installRun(
  manager: 'apt' | 'apk',
  packages: readonly SystemPackage[],
  builder: boolean,
): string {
  const names = packages.map((p) => p.raw);
  if (manager === 'apk') return `RUN apk add --no-cache ${names.join(' ')}`;
  const lines = [
    'RUN --mount=type=cache,target=/var/cache/apt,sharing=locked \\',
    '    --mount=type=cache,target=/var/lib/apt,sharing=locked \\',
  ];
  // The official Debian images delete downloaded packages after each install (docker-clean);
  // the builder keeps them in its cache mount instead, so rebuilds download nothing.
  if (builder) lines.push('    rm -f /etc/apt/apt.conf.d/docker-clean && \\');
  lines.push('    apt-get update && \\');
  lines.push(`    apt-get install -y --no-install-recommends ${names.join(' ')}`);
  return lines.join('\n');
}
