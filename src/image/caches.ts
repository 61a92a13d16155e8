/** What kind of leftover a path of the final image is: a package manager's cache, or a temporary file. */
export type CacheCategory =
  | 'apt-lists'
  | 'apt-cache'
  | 'apk'
  | 'yum'
  | 'dnf'
  | 'zypper'
  | 'pacman'
  | 'pip'
  | 'poetry'
  | 'npm'
  | 'yarn'
  | 'pnpm'
  | 'go-build'
  | 'go-modules'
  | 'maven'
  | 'gradle'
  | 'cargo'
  | 'composer'
  | 'var-cache'
  | 'temp';

/** Folders under /var/cache that programs need at run time (not package-manager leftovers). */
const VAR_CACHE_KEEP = new Set(['debconf', 'ldconfig']);

/** Per category: a short name for messages and the usual way to avoid it in a Dockerfile. */
export const CACHE_INFO: Readonly<Record<CacheCategory, { label: string; fix: string }>> = {
  'apt-lists': {
    label: 'apt package lists',
    fix: 'end the same RUN with `rm -rf /var/lib/apt/lists/*`, or use a cache mount for /var/lib/apt',
  },
  'apt-cache': {
    label: 'apt cache (downloaded .deb files, package caches)',
    fix: 'run `apt-get clean` in the same RUN, or use a cache mount for /var/cache/apt',
  },
  apk: { label: 'apk cache', fix: 'use `apk add --no-cache`' },
  yum: { label: 'yum cache', fix: 'end the same RUN with `yum clean all && rm -rf /var/cache/yum`' },
  dnf: { label: 'dnf cache', fix: 'end the same RUN with `dnf clean all`' },
  zypper: { label: 'zypper cache', fix: 'end the same RUN with `zypper clean -a`' },
  pacman: { label: 'pacman cache', fix: 'end the same RUN with `pacman -Scc --noconfirm`' },
  pip: { label: 'pip cache', fix: 'use `pip install --no-cache-dir`, or a cache mount for /root/.cache/pip' },
  poetry: { label: 'poetry cache', fix: 'remove ~/.cache/pypoetry in the same RUN, or use a cache mount' },
  npm: {
    label: 'npm cache',
    fix: 'run `npm cache clean --force` in the same RUN, or use a cache mount for /root/.npm',
  },
  yarn: { label: 'yarn cache', fix: 'run `yarn cache clean` in the same RUN, or use a cache mount' },
  pnpm: { label: 'pnpm store', fix: 'use a cache mount for the pnpm store' },
  'go-build': {
    label: 'Go build cache',
    fix: 'build in an earlier stage, or use a cache mount for /root/.cache/go-build',
  },
  'go-modules': {
    label: 'Go module cache',
    fix: 'build in an earlier stage, or use a cache mount for /go/pkg/mod',
  },
  maven: { label: 'Maven repository', fix: 'build in an earlier stage, or use a cache mount for /root/.m2' },
  gradle: {
    label: 'Gradle caches',
    fix: 'build in an earlier stage, or use a cache mount for /root/.gradle',
  },
  cargo: {
    label: 'Cargo registry cache',
    fix: 'build in an earlier stage, or use a cache mount for the Cargo registry',
  },
  composer: { label: 'Composer cache', fix: 'use `composer install --no-cache`, or a cache mount' },
  'var-cache': { label: 'files under /var/cache', fix: 'remove them in the same RUN that creates them' },
  temp: { label: 'temporary files', fix: 'remove them in the same RUN that creates them' },
};

const HOME_CACHES: ReadonlyArray<[string, CacheCategory]> = [
  ['.cache/pip/', 'pip'],
  ['.cache/pypoetry/', 'poetry'],
  ['.npm/_cacache/', 'npm'],
  ['.npm/_npx/', 'npm'],
  ['.cache/yarn/', 'yarn'],
  ['.yarn/berry/cache/', 'yarn'],
  ['.local/share/pnpm/store/', 'pnpm'],
  ['.pnpm-store/', 'pnpm'],
  ['.cache/go-build/', 'go-build'],
  ['go/pkg/mod/cache/', 'go-modules'],
  ['.m2/repository/', 'maven'],
  ['.gradle/caches/', 'gradle'],
  ['.cargo/registry/cache/', 'cargo'],
  ['.composer/cache/', 'composer'],
  ['.cache/composer/', 'composer'],
];

/** Classifies a file path of the final image (no leading `/`), or null when it is not a leftover. */
export function classifyLeftover(path: string): CacheCategory | null {
  if (path.startsWith('tmp/') || path.startsWith('var/tmp/')) return 'temp';
  if (path.startsWith('var/lib/apt/lists/')) return path.endsWith('/lock') ? null : 'apt-lists';
  if (path.startsWith('var/cache/')) {
    const rest = path.slice('var/cache/'.length);
    const first = rest.slice(0, rest.indexOf('/') === -1 ? rest.length : rest.indexOf('/'));
    if (first === 'apt') return path.endsWith('.deb') || path.endsWith('.bin') ? 'apt-cache' : null;
    if (first === 'apk') return 'apk';
    if (first === 'yum') return 'yum';
    if (first === 'dnf') return 'dnf';
    if (first === 'zypp') return 'zypper';
    if (first === 'pacman') return 'pacman';
    return VAR_CACHE_KEEP.has(first) || first === rest ? null : 'var-cache';
  }
  if (path.startsWith('usr/local/share/.cache/yarn/')) return 'yarn';
  // Caches under a home folder: /root, /home/<user>, or any folder for tools that honor $HOME.
  for (const [marker, category] of HOME_CACHES) {
    const at = path.indexOf(marker);
    if (at === 0 || (at > 0 && path[at - 1] === '/')) return category;
  }
  return null;
}
