import type { Descriptor, Platform } from './oci.js';

/** Parses `os/arch[/variant]` (e.g. `linux/arm64/v8`); null when malformed. */
export function parsePlatform(text: string): Platform | null {
  const parts = text.trim().split('/');
  if (parts.length < 2 || parts.length > 3 || parts.some((p) => !/^[a-z0-9._-]+$/i.test(p))) return null;
  const [os, architecture, variant] = parts as [string, string, string | undefined];
  return { os, architecture: normalizeArch(architecture), ...(variant ? { variant } : {}) };
}

function normalizeArch(arch: string): string {
  switch (arch) {
    case 'x86_64':
    case 'x86-64':
      return 'amd64';
    case 'aarch64':
      return 'arm64';
    default:
      return arch;
  }
}

/** The platform of this machine in OCI terms (the default choice in a multi-platform index). */
export function hostPlatform(): Platform {
  const map: Record<string, string> = {
    x64: 'amd64',
    arm64: 'arm64',
    arm: 'arm',
    ia32: '386',
    s390x: 's390x',
  };
  return { os: 'linux', architecture: map[process.arch] ?? process.arch };
}

export function formatPlatform(p: Platform): string {
  return `${p.os}/${p.architecture}${p.variant ? `/${p.variant}` : ''}`;
}

function variantMatches(want: Platform, have: Platform): boolean {
  if (!want.variant) return true;
  // arm64 images usually omit their (only) variant v8.
  return want.variant === have.variant || (have.variant === undefined && want.variant === 'v8');
}

/** Manifests of an index that are real images (not attestations such as `unknown/unknown`). */
export function imageManifests(manifests: readonly Descriptor[]): Descriptor[] {
  return manifests.filter(
    (m) =>
      m.annotations?.['vnd.docker.reference.type'] !== 'attestation-manifest' &&
      !(m.platform?.os === 'unknown' && m.platform.architecture === 'unknown'),
  );
}

/**
 * Picks the manifest of an index for a platform: the requested one, else the host's, else the only one.
 * Returns null when nothing matches (the caller lists what there is).
 */
export function selectManifest(manifests: readonly Descriptor[], wanted: Platform | null): Descriptor | null {
  const images = imageManifests(manifests);
  const match = (p: Platform) =>
    images.find(
      (m) =>
        m.platform &&
        m.platform.os === p.os &&
        m.platform.architecture === p.architecture &&
        variantMatches(p, m.platform),
    ) ?? null;
  if (wanted) return match(wanted);
  if (images.length === 1) return images[0]!;
  return match(hostPlatform()) ?? (images.every((m) => !m.platform) ? (images[0] ?? null) : null);
}

export function describePlatforms(manifests: readonly Descriptor[]): string {
  const list = imageManifests(manifests)
    .map((m) => (m.platform ? formatPlatform(m.platform) : m.digest))
    .join(', ');
  return list || 'none';
}
