/**
 * Sizes of common official base images and of common packages, for size estimates made without
 * building (the optimizer's expected gains, the audit's inventory). Every figure names where it came
 * from and when it was read; a measured image replaces these estimates wherever one is available.
 *
 * Compressed sizes are registry transfer sizes for linux/amd64 as published by Docker's official-images
 * program (docker-library/repo-info, "Total Size … compressed transfer size, not on-disk size").
 * Uncompressed (on-disk) sizes are given only where a source states them; otherwise `null`, and callers
 * estimate with {@link UNCOMPRESSED_RATIO}.
 */
import { parseImageRef } from '../core/image-ref.js';

export type Libc = 'glibc' | 'musl' | 'none';

export interface SizeSource {
  /** Where the figure was read. */
  source: string;
  /** When (YYYY-MM-DD; for repo-info, the build date the page shows). */
  date: string;
}

export interface BaseImageEntry extends SizeSource {
  /** Repository as people write it (`python`, `gcr.io/distroless/static-debian12`). */
  repository: string;
  tag: string;
  compressedBytes: number | null;
  uncompressedBytes: number | null;
  libc: Libc;
  /** Distribution underneath (for package names and runtime libraries). */
  distro: 'debian' | 'ubuntu' | 'alpine' | 'distroless' | 'scratch';
  /** The user the image runs as by default. */
  defaultUser: string;
  /** Whether /bin/sh exists (RUN and shell-form commands work). */
  shell: boolean;
}

const REPO_INFO = 'docker-library/repo-info repos/{repo}/remote/{tag}.md (linux/amd64 Total Size)';
const repoInfo = (repo: string, tag: string) => REPO_INFO.replace('{repo}', repo).replace('{tag}', tag);

/** Typical gzip ratio of image layers (on-disk ÷ compressed) for estimates where no on-disk size is published. */
export const UNCOMPRESSED_RATIO = 2.4;

export const BASE_IMAGES: readonly BaseImageEntry[] = [
  {
    repository: 'python',
    tag: '3.12',
    compressedBytes: 410_908_459,
    uncompressedBytes: null,
    libc: 'glibc',
    distro: 'debian',
    defaultUser: 'root',
    shell: true,
    source: repoInfo('python', '3.12'),
    date: '2026-08-13',
  },
  {
    repository: 'python',
    tag: '3.12-slim',
    compressedBytes: 43_188_023,
    uncompressedBytes: null,
    libc: 'glibc',
    distro: 'debian',
    defaultUser: 'root',
    shell: true,
    source: repoInfo('python', '3.12-slim'),
    date: '2026-08-05',
  },
  {
    repository: 'python',
    tag: '3.12-alpine',
    compressedBytes: 18_037_743,
    uncompressedBytes: null,
    libc: 'musl',
    distro: 'alpine',
    defaultUser: 'root',
    shell: true,
    source: repoInfo('python', '3.12-alpine'),
    date: '2026-09-17',
  },
  {
    repository: 'node',
    tag: '22-slim',
    compressedBytes: 79_893_445,
    uncompressedBytes: null,
    libc: 'glibc',
    distro: 'debian',
    defaultUser: 'root',
    shell: true,
    source: repoInfo('node', '22-slim'),
    date: '2026-09-19',
  },
  {
    repository: 'node',
    tag: '22-alpine',
    compressedBytes: 60_697_390,
    uncompressedBytes: null,
    libc: 'musl',
    distro: 'alpine',
    defaultUser: 'root',
    shell: true,
    source: repoInfo('node', '22-alpine'),
    date: '2026-09-23',
  },
  {
    // The full node image is buildpack-deps plus Node.js: python:3.12's Debian layers (49.3 + 25.6 +
    // 67.8 + 236.3 MB) are the same buildpack-deps layers, plus Node.js (49.9 MB in node:22-slim).
    repository: 'node',
    tag: '22',
    compressedBytes: 49_312_314 + 25_638_637 + 67_797_999 + 236_319_920 + 49_938_232,
    uncompressedBytes: null,
    libc: 'glibc',
    distro: 'debian',
    defaultUser: 'root',
    shell: true,
    source: `sum of layers: buildpack-deps layers from ${repoInfo('python', '3.12')} and the Node.js layer of ${repoInfo('node', '22-slim')}`,
    date: '2026-09-19',
  },
  {
    repository: 'nginx',
    tag: 'alpine',
    compressedBytes: 26_310_566,
    uncompressedBytes: null,
    libc: 'musl',
    distro: 'alpine',
    defaultUser: 'root',
    shell: true,
    source: repoInfo('nginx', 'alpine'),
    date: '2026-09-22',
  },
  {
    repository: 'nginx',
    tag: 'stable-alpine',
    compressedBytes: 26_048_096,
    uncompressedBytes: null,
    libc: 'musl',
    distro: 'alpine',
    defaultUser: 'root',
    shell: true,
    source: repoInfo('nginx', 'stable-alpine'),
    date: '2026-10-21',
  },
  {
    repository: 'golang',
    tag: 'alpine',
    compressedBytes: 75_169_503,
    uncompressedBytes: null,
    libc: 'musl',
    distro: 'alpine',
    defaultUser: 'root',
    shell: true,
    source: repoInfo('golang', 'alpine'),
    date: '2026-09-01',
  },
  {
    repository: 'eclipse-temurin',
    tag: '21-jre',
    compressedBytes: 121_136_054,
    uncompressedBytes: null,
    libc: 'glibc',
    distro: 'ubuntu',
    defaultUser: 'root',
    shell: true,
    source: repoInfo('eclipse-temurin', '21-jre'),
    date: '2026-09-09',
  },
  {
    repository: 'alpine',
    tag: '3',
    // The alpine minirootfs layer every *-alpine image above starts with (3.8 MB for 3.24.2).
    compressedBytes: 3_849_738,
    uncompressedBytes: null,
    libc: 'musl',
    distro: 'alpine',
    defaultUser: 'root',
    shell: true,
    source: `first layer of ${repoInfo('python', '3.12-alpine')} (alpine-minirootfs-3.24.2)`,
    date: '2026-09-17',
  },
  {
    repository: 'debian',
    tag: 'trixie-slim',
    // The Debian rootfs layer python:3.12-slim starts with (debian.sh … 'trixie').
    compressedBytes: 29_780_765,
    uncompressedBytes: null,
    libc: 'glibc',
    distro: 'debian',
    defaultUser: 'root',
    shell: true,
    source: `first layer of ${repoInfo('python', '3.12-slim')}`,
    date: '2026-08-04',
  },
  {
    repository: 'debian',
    tag: 'bookworm-slim',
    // The Debian rootfs layer node:22-slim starts with (debian.sh … 'bookworm').
    compressedBytes: 28_238_443,
    uncompressedBytes: null,
    libc: 'glibc',
    distro: 'debian',
    defaultUser: 'root',
    shell: true,
    source: `first layer of ${repoInfo('node', '22-slim')}`,
    date: '2026-09-19',
  },
  {
    repository: 'gcr.io/distroless/static-debian12',
    tag: 'latest',
    compressedBytes: null,
    uncompressedBytes: 2 * 1024 * 1024,
    libc: 'none',
    distro: 'distroless',
    defaultUser: 'root',
    shell: false,
    source: 'GoogleContainerTools/distroless README ("around 2 MiB")',
    date: '2026-04-28',
  },
  {
    repository: 'gcr.io/distroless/static-debian12',
    tag: 'nonroot',
    compressedBytes: null,
    uncompressedBytes: 2 * 1024 * 1024,
    libc: 'none',
    distro: 'distroless',
    defaultUser: '65532',
    shell: false,
    source: 'GoogleContainerTools/distroless README ("around 2 MiB"; nonroot tag runs as 65532)',
    date: '2026-04-28',
  },
  {
    repository: 'localhost/debian-minbase',
    tag: 'bookworm',
    compressedBytes: null,
    uncompressedBytes: 117_000_000,
    libc: 'glibc',
    distro: 'debian',
    defaultUser: 'root',
    shell: true,
    source:
      'measured: `docker images` of the debootstrap --variant=minbase bookworm image built by scripts/e2e',
    date: '2026-11-22',
  },
];

/** A base image's size, with how exact the match is. */
export interface BaseImageSize {
  entry: BaseImageEntry;
  /** `exact`: same repository and tag; `family`: same repository and variant (slim, alpine…), other version. */
  match: 'exact' | 'family';
  /** On-disk bytes: published, or compressed × UNCOMPRESSED_RATIO. */
  bytes: number;
  estimatedFromCompressed: boolean;
}

/** The variant part of a tag: `3.12-slim-bookworm` → `slim`, `22-alpine3.20` → `alpine`, `3.12` → `` (full). */
export function tagVariant(tag: string): string {
  const t = tag.toLowerCase();
  if (t === 'latest' || t === '') return '';
  for (const v of ['slim', 'alpine', 'jre', 'jdk', 'nonroot']) if (t.includes(v)) return v;
  return /^[\d.]+$/.test(t) ? '' : t.replace(/^[\d.]+-?/, '');
}

export function sizeOf(entry: BaseImageEntry): { bytes: number; estimated: boolean } {
  if (entry.uncompressedBytes !== null) return { bytes: entry.uncompressedBytes, estimated: false };
  return { bytes: Math.round((entry.compressedBytes ?? 0) * UNCOMPRESSED_RATIO), estimated: true };
}

/** Looks an image reference up in the table (exact tag first, then the same repository and variant). */
export function lookupBaseImage(reference: string): BaseImageSize | null {
  const ref = parseImageRef(reference);
  if (!ref) return null;
  const tag = ref.tag ?? 'latest';
  const candidates = BASE_IMAGES.filter((e) => e.repository === ref.name);
  const exact = candidates.find((e) => e.tag === tag);
  const pick = exact ?? candidates.find((e) => tagVariant(e.tag) === tagVariant(tag));
  if (!pick) return null;
  const size = sizeOf(pick);
  return {
    entry: pick,
    match: exact ? 'exact' : 'family',
    bytes: size.bytes,
    estimatedFromCompressed: size.estimated,
  };
}
