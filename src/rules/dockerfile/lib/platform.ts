/** An OCI platform as containerd's `platforms.Parse` normalizes it. */
export interface Platform {
  os: string;
  arch: string;
  variant: string;
}

const KNOWN_OS = new Set([
  'aix',
  'android',
  'darwin',
  'dragonfly',
  'freebsd',
  'hurd',
  'illumos',
  'ios',
  'js',
  'linux',
  'nacl',
  'netbsd',
  'openbsd',
  'plan9',
  'solaris',
  'windows',
  'zos',
]);
const KNOWN_ARCH = new Set([
  '386',
  'amd64',
  'amd64p32',
  'arm',
  'armbe',
  'arm64',
  'arm64be',
  'ppc64',
  'ppc64le',
  'loong64',
  'mips',
  'mipsle',
  'mips64',
  'mips64le',
  'mips64p32',
  'mips64p32le',
  'ppc',
  'riscv',
  'riscv64',
  's390',
  's390x',
  'sparc',
  'sparc64',
  'wasm',
]);
const PART = /^[A-Za-z0-9_-]+$/;

/**
 * Reads `os[(osversion)][/arch[/variant]]` or a lone architecture, normalized (`x86_64` → amd64,
 * `aarch64` → arm64, `armhf` → arm/v7). A lone OS gets amd64, a lone architecture linux (containerd
 * uses the host's; the build host is not known here). Null for what containerd rejects.
 */
export function parsePlatform(text: string): Platform | null {
  if (text.includes('*')) return null;
  const parts = text.split('/');
  if (parts.length > 3) return null;
  const first = parts[0]!.replace(/\([^)]*\)$/, '');
  if (![first, ...parts.slice(1)].every((p) => PART.test(p))) return null;
  if (parts.length === 1) {
    const word = first.toLowerCase();
    if (KNOWN_OS.has(normalizeOS(word))) return { os: normalizeOS(word), arch: 'amd64', variant: '' };
    const [arch, variant] = normalizeArch(word, '');
    return KNOWN_ARCH.has(arch) ? { os: 'linux', arch, variant } : null;
  }
  const [arch, variant] = normalizeArch(parts[1]!.toLowerCase(), (parts[2] ?? '').toLowerCase());
  return { os: normalizeOS(first.toLowerCase()), arch, variant };
}

export function formatPlatform(p: Platform): string {
  return p.variant ? `${p.os}/${p.arch}/${p.variant}` : `${p.os}/${p.arch}`;
}

function normalizeOS(os: string): string {
  return os === 'macos' ? 'darwin' : os;
}

function normalizeArch(arch: string, variant: string): [string, string] {
  switch (arch) {
    case 'i386':
      return ['386', ''];
    case 'x86_64':
    case 'x86-64':
    case 'amd64':
      return ['amd64', variant === 'v1' ? '' : variant];
    case 'aarch64':
    case 'arm64':
      return ['arm64', variant === '8' || variant === 'v8' || variant === 'v8.0' ? '' : variant];
    case 'armhf':
      return ['arm', 'v7'];
    case 'armel':
      return ['arm', 'v6'];
    case 'arm':
      if (variant === '' || variant === '7') return ['arm', 'v7'];
      if (variant === '5' || variant === '6' || variant === '8') return ['arm', `v${variant}`];
      return ['arm', variant];
    default:
      return [arch, variant];
  }
}
