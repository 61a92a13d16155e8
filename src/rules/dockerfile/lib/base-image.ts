import type { DockerfileAnalysis } from '../../../dockerfile/analysis.js';
import type { Instruction } from '../../../dockerfile/model.js';
import { instructionsBefore } from './cleanup.js';
import { osPackageName } from './package-versions.js';
import { packageCommands } from './packages.js';

/**
 * What a stage's base image is known to be, from its name and tag: the distribution family decides
 * which shell and tools exist (bash, GNU wget) before any package is installed.
 */
export type BaseKind =
  | 'debian'
  | 'rhel'
  | 'suse'
  | 'alpine'
  | 'busybox'
  | 'distroless'
  | 'scratch'
  | 'unknown';

const DEBIAN = new Set([
  'debian',
  'ubuntu',
  'buildpack-deps',
  'python',
  'node',
  'golang',
  'ruby',
  'php',
  'perl',
  'rust',
  'openjdk',
  'eclipse-temurin',
  'maven',
  'gradle',
  'nginx',
  'httpd',
  'postgres',
  'redis',
  'mongo',
  'elixir',
  'erlang',
  'haskell',
  'julia',
  'r-base',
  'gcc',
  'wordpress',
  'jenkins/jenkins',
  'mcr.microsoft.com/devcontainers/base',
]);
const RHEL =
  /^(?:centos|fedora|rockylinux|almalinux|amazonlinux|oraclelinux|(?:.*\/)?ubi\d*(?:-\w+)?|(?:.*\/)?rhel\d*|quay\.io\/centos\/centos)$/;

export function baseKind(model: DockerfileAnalysis, stage: number): BaseKind {
  if (stage < 0) return 'unknown';
  const root = model.rootImageOf(stage);
  if (root.kind === 'scratch') return 'scratch';
  const ref = root.ref;
  if (!ref) return 'unknown';
  const name = ref.name.toLowerCase();
  const last = name.slice(name.lastIndexOf('/') + 1);
  const tag = (ref.tag ?? '').toLowerCase();
  if (name.includes('distroless') || name.includes('chainguard/static')) return 'distroless';
  if (last === 'alpine' || tag.includes('alpine')) return 'alpine';
  if (last === 'busybox') return 'busybox';
  if (last === 'opensuse' || name.startsWith('opensuse/') || name.includes('suse/')) return 'suse';
  if (RHEL.test(name) || RHEL.test(last)) return 'rhel';
  if (DEBIAN.has(name) || DEBIAN.has(last)) return 'debian';
  return 'unknown';
}

/** Whether a package of that name was installed (apt, apk, rpm, zypper) before the instruction, in its lineage. */
export function installedBefore(model: DockerfileAnalysis, inst: Instruction, pkg: string): boolean {
  const before = new Set(instructionsBefore(model, inst));
  for (const pc of packageCommands(model)) {
    if (pc.inst.onbuild || !before.has(pc.inst) || pc.action !== 'install') continue;
    if (pc.family !== 'apt' && pc.family !== 'apk' && pc.family !== 'rpm' && pc.family !== 'zypper') continue;
    if (pc.operands.some((w) => w.value !== null && osPackageName(pc.family, w.value) === pkg)) return true;
  }
  return false;
}

/** Whether bash exists for an instruction: a base known to ship it, or `bash` installed earlier. */
export function hasBash(model: DockerfileAnalysis, inst: Instruction): boolean {
  const kind = baseKind(model, (inst.onbuild ?? inst).stage);
  if (kind === 'debian' || kind === 'rhel' || kind === 'suse') return true;
  return installedBefore(model, inst, 'bash');
}
