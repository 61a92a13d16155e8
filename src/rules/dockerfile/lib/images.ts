import type { ImageRef } from '../../../core/image-ref.js';
import type { DockerfileAnalysis } from '../../../dockerfile/analysis.js';
import type { Stage } from '../../../dockerfile/model.js';

/**
 * What can be told about a base image from its name alone: C library, language version, whether it
 * runs as a non-root user, whether it has a shell. Every answer is null when the name does not say.
 */

export type Libc = 'glibc' | 'musl';

/** The image a stage finally builds on, or null when it is unknown (a build argument, a cycle). */
export function rootRefOf(model: DockerfileAnalysis, stage: Stage | number): ImageRef | 'scratch' | null {
  const root = model.rootImageOf(stage);
  if (root.kind === 'scratch') return 'scratch';
  // Templates (`{{BASE_IMAGE}}`, `%%IMAGE%%`) name no image yet.
  if (!root.complete || !root.ref || !IMAGE_TEXT.test(root.text)) return null;
  return root.ref;
}

const IMAGE_TEXT = /^[A-Za-z0-9._/:@-]+$/;

/** Last segment of the repository (`python` for `docker.io/library/python`, `mirror.cn/python`). */
export function shortName(ref: ImageRef): string {
  const slash = ref.repository.lastIndexOf('/');
  return (slash === -1 ? ref.repository : ref.repository.slice(slash + 1)).toLowerCase();
}

const MUSL_NAMES = new Set(['alpine']);
const GLIBC_NAMES = new Set([
  'debian',
  'ubuntu',
  'centos',
  'fedora',
  'rockylinux',
  'almalinux',
  'amazonlinux',
  'oraclelinux',
  'archlinux',
  'buildpack-deps',
  'ubi',
  'ubi8',
  'ubi9',
  'ubi-minimal',
  'ubi8-minimal',
  'ubi9-minimal',
  'wolfi-base',
]);
/** Official language images: Debian-based unless the tag says otherwise. */
const LANGUAGE_IMAGES = new Set([
  'python',
  'node',
  'golang',
  'ruby',
  'php',
  'perl',
  'rust',
  'openjdk',
  'eclipse-temurin',
  'amazoncorretto',
  'maven',
  'gradle',
  'elixir',
  'erlang',
  'haskell',
  'julia',
  'r-base',
  'swift',
  'dart',
  'clojure',
]);
const GLIBC_TAG =
  /(?:^|[-_.])(?:slim|bookworm|bullseye|buster|stretch|jessie|trixie|sid|jammy|focal|bionic|xenial|noble|debian\d*|ubuntu\d*|centos\d*|ubi\d*|fedora|rockylinux|almalinux|oraclelinux)(?:$|[-_.\d])/;
const WINDOWS_TAG = /windows|nanoserver|servercore|ltsc/;

/** The C library of an image, from its name and tag. */
export function libcOf(ref: ImageRef): Libc | null {
  const name = shortName(ref);
  const repo = ref.repository.toLowerCase();
  const tag = (ref.tag ?? '').toLowerCase();
  if (repo.includes('glibc') || tag.includes('glibc')) return 'glibc';
  if (WINDOWS_TAG.test(tag)) return null;
  if (MUSL_NAMES.has(name) || /(?:^|[-_.])alpine/.test(tag) || /(?:^|[-_])alpine(?:$|[-_])/.test(name))
    return 'musl';
  if (name === 'busybox') return tag.includes('musl') ? 'musl' : tag.includes('glibc') ? 'glibc' : null;
  if (GLIBC_NAMES.has(name) || GLIBC_TAG.test(tag)) return 'glibc';
  if (ref.registry === 'gcr.io' && repo.startsWith('distroless/')) return 'glibc';
  if (ref.registry === 'cgr.dev') return 'glibc';
  if (LANGUAGE_IMAGES.has(name) && (ref.official || !ref.explicitRegistry || isMirrorOfOfficial(ref)))
    return 'glibc';
  return null;
}

/** Official server images built on Debian unless their tag says otherwise. */
const DEBIAN_SERVER_IMAGES = new Set([
  'nginx',
  'httpd',
  'postgres',
  'redis',
  'mongo',
  'mariadb',
  'rabbitmq',
  'memcached',
  'tomcat',
  'wordpress',
  'gcc',
]);
const OTHER_DISTRO_TAG =
  /(?:^|[-_.])(?:alpine|centos|ubi|fedora|rockylinux|almalinux|oraclelinux|amazonlinux|al2)/;

/**
 * An official (or mirrored official) image built on Debian or Ubuntu, so with apt and `useradd`:
 * debian, ubuntu, buildpack-deps, the language images (not amazoncorretto: Amazon Linux) and common
 * servers, unless the tag names another distribution.
 */
export function isDebianBased(ref: ImageRef): boolean {
  if (!(ref.official || isMirrorOfOfficial(ref))) return false;
  if (OTHER_DISTRO_TAG.test((ref.tag ?? '').toLowerCase()) || WINDOWS_TAG.test((ref.tag ?? '').toLowerCase()))
    return false;
  const name = shortName(ref);
  if (name === 'amazoncorretto') return false;
  return (
    name === 'debian' ||
    name === 'ubuntu' ||
    name === 'buildpack-deps' ||
    LANGUAGE_IMAGES.has(name) ||
    DEBIAN_SERVER_IMAGES.has(name)
  );
}

/** `docker.xuanyuan.run/python`, `mirror.gcr.io/library/python`: a registry mirror of an official image. */
function isMirrorOfOfficial(ref: ImageRef): boolean {
  return ref.explicitRegistry && (!ref.repository.includes('/') || ref.repository.startsWith('library/'));
}

/** Debian release → its python3 version, for distroless python images. */
const DISTROLESS_PYTHON: Record<string, string> = { debian11: '3.9', debian12: '3.11', debian13: '3.13' };

/** `3.12` for `python:3.12-slim`, `python:3.12.4`, `tiangolo/x:python3.11`, distroless python3-debian12. */
export function pythonVersionOf(ref: ImageRef): string | null {
  const name = shortName(ref);
  const tag = (ref.tag ?? '').toLowerCase();
  if (name === 'python' && (ref.official || isMirrorOfOfficial(ref) || !ref.explicitRegistry)) {
    const m = /^(\d)\.(\d+)(?:$|[.-])/.exec(tag);
    return m ? `${m[1]}.${m[2]}` : null;
  }
  const d = /^python3-(debian\d+)$/.exec(name);
  if (d && ref.registry === 'gcr.io') return DISTROLESS_PYTHON[d[1]!] ?? null;
  const t = /(?:^|[-_])python-?(\d)\.(\d+)(?:$|[-_.])/.exec(tag);
  return t ? `${t[1]}.${t[2]}` : null;
}

/** Major version of Node.js in `node:20-alpine`, `node:18.19.0`. */
export function nodeMajorOf(ref: ImageRef): string | null {
  if (shortName(ref) !== 'node') return null;
  const m = /^(\d+)(?:$|[.-])/.exec((ref.tag ?? '').toLowerCase());
  return m ? m[1]! : null;
}

export function isDistroless(ref: ImageRef): boolean {
  return (
    (ref.registry === 'gcr.io' && ref.repository.startsWith('distroless/')) ||
    ref.repository.includes('distroless')
  );
}

/** Images whose default user is not root (their own USER), where the name alone tells. */
export function runsAsNonRootByDefault(ref: ImageRef): boolean {
  const repo = ref.repository.toLowerCase();
  const tag = (ref.tag ?? '').toLowerCase();
  if (isDistroless(ref)) return /(?:^|-)nonroot$/.test(tag);
  if (ref.registry === 'cgr.dev') return !/(?:^|-)dev$/.test(tag);
  // .NET chiseled and distroless images set USER app.
  if (ref.registry === 'mcr.microsoft.com' && /^dotnet\//.test(repo)) return /chiseled|distroless/.test(tag);
  if (ref.registry === 'docker.io' || !ref.explicitRegistry) {
    return (
      /^(?:bitnami|jupyter|selenium|circleci|cimg|prom|gitpod)\//.test(repo) ||
      /^(?:jenkins\/jenkins|nginxinc\/nginx-unprivileged|grafana\/grafana|sonatype\/nexus3|codercom\/code-server)$/.test(
        repo,
      )
    );
  }
  if (ref.registry === 'quay.io') return /^(?:jupyter|prometheus)\//.test(repo);
  return ref.registry === 'docker.elastic.co';
}

/**
 * Official images whose own entrypoint starts the server as an unprivileged user (gosu, su-exec) or
 * whose USER is not root: as long as the Dockerfile keeps their ENTRYPOINT, the process is not root.
 */
const STEPS_DOWN = new Set([
  'redis',
  'postgres',
  'mysql',
  'mariadb',
  'mongo',
  'rabbitmq',
  'cassandra',
  'couchdb',
  'memcached',
  'elasticsearch',
  'kibana',
  'logstash',
  'zookeeper',
  'solr',
  'neo4j',
  'consul',
  'vault',
  'ghost',
]);

export function entrypointStepsDown(ref: ImageRef): boolean {
  return (
    (ref.official || (!ref.explicitRegistry && !ref.repository.includes('/'))) &&
    STEPS_DOWN.has(shortName(ref))
  );
}

/** Images with no shell and no package manager: HEALTHCHECK CMD has nothing to run there. */
export function hasNoShell(ref: ImageRef | 'scratch'): boolean {
  if (ref === 'scratch') return true;
  if (isDistroless(ref)) return !/(?:^|-)debug(?:$|-)/.test((ref.tag ?? '').toLowerCase());
  return ref.registry === 'cgr.dev' && !/(?:^|-)dev$/.test((ref.tag ?? '').toLowerCase());
}

export function isWindowsRef(ref: ImageRef): boolean {
  const text = `${ref.repository}:${ref.tag ?? ''}`.toLowerCase();
  return (
    /windows|nanoserver|servercore|ltsc20\d\d/.test(text) ||
    (ref.registry === 'mcr.microsoft.com' && /windows/.test(text))
  );
}

/** Official server images whose default command is a network service. */
const SERVER_IMAGES = new Set([
  'nginx',
  'httpd',
  'caddy',
  'traefik',
  'haproxy',
  'tomcat',
  'jetty',
  'postgres',
  'mysql',
  'mariadb',
  'mongo',
  'redis',
  'memcached',
  'rabbitmq',
  'elasticsearch',
  'kibana',
  'wordpress',
  'ghost',
  'nextcloud',
  'drupal',
  'joomla',
  'nginx-unprivileged',
  'openresty',
]);

/** A base image that is itself a network service (its CMD serves), from its name. */
export function isServerImage(ref: ImageRef): boolean {
  const name = shortName(ref);
  if (SERVER_IMAGES.has(name)) return true;
  // php:8.3-apache, php:8.3-fpm
  return name === 'php' && /(?:^|-)(?:apache|fpm)(?:$|-)/.test((ref.tag ?? '').toLowerCase());
}
