import type { ImageRef } from '../../../core/image-ref.js';

/** What is known of the platforms an image is published for. */
export interface KnownPlatforms {
  /** Operating systems of every variant. */
  os: readonly string[];
  /** Architectures of every variant, when the list is known exactly (else any architecture may exist). */
  arch: readonly string[] | null;
  /** Human description: `windows/amd64`, `linux`. */
  label: string;
}

const WINDOWS: KnownPlatforms = { os: ['windows'], arch: ['amd64'], label: 'windows/amd64' };
const LINUX: KnownPlatforms = { os: ['linux'], arch: null, label: 'linux' };
const AMAZONLINUX: KnownPlatforms = {
  os: ['linux'],
  arch: ['amd64', 'arm64'],
  label: 'linux/amd64 and linux/arm64',
};

/** Microsoft's Windows base images and .NET Framework images: one platform, windows/amd64. */
const MCR_WINDOWS = /^(?:windows(?:\/.*)?|dotnet\/framework\/.+)$/;
/** Tags of official images built on Windows (`python:3.12-windowsservercore-ltsc2022`, `golang:nanoserver`). */
const WINDOWS_TAG = /(?:^|-)(?:windowsservercore|nanoserver)(?:-|$)/;
/**
 * Official Docker Hub images published for Linux only (no Windows variant exists for any tag).
 * Kept to images whose platform lists are stable and well known.
 */
const LINUX_ONLY = new Set([
  'alpine',
  'almalinux',
  'archlinux',
  'busybox',
  'centos',
  'debian',
  'fedora',
  'httpd',
  'nginx',
  'node',
  'oraclelinux',
  'php',
  'postgres',
  'redis',
  'rockylinux',
  'ruby',
  'ubuntu',
]);

/** The platforms known for an image, or null when nothing certain is known. */
export function knownPlatforms(ref: ImageRef): KnownPlatforms | null {
  if (ref.registry === 'mcr.microsoft.com' && MCR_WINDOWS.test(ref.repository)) return WINDOWS;
  if (!ref.official) return null;
  const name = ref.repository.slice('library/'.length);
  if (ref.tag && WINDOWS_TAG.test(ref.tag)) return WINDOWS;
  if (name === 'amazonlinux') return AMAZONLINUX;
  return LINUX_ONLY.has(name) ? LINUX : null;
}
