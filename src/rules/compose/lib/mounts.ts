import type { Node, ScalarNode, Service } from '../../../compose/model.js';
import { bool, get, items, text } from '../../../compose/model.js';
import { isHostPath, isReadOnlyMode, parseVolume } from '../../../compose/volumes.js';

export interface HostMount {
  /** Host path, normalized (`~` kept, duplicate and trailing slashes removed); null when it depends on variables without value. */
  source: string | null;
  target: string;
  readOnly: boolean;
  /** The volume entry (short syntax scalar or long syntax mapping). */
  node: Node;
}

/** Host paths (bind mounts) of a service's `volumes`; a source that depends on unset variables is null. */
export function hostMounts(service: Service): HostMount[] {
  const out: HostMount[] = [];
  for (const node of items(service.node.pairs.get('volumes')?.value)) {
    if (node.kind === 'scalar') {
      const source = knownPath(node);
      if (source === null) {
        // `${DOCKER_SOCK}:/var/run/docker.sock`: the host side is unknown, the container side is not.
        const masked = node.masked ? parseVolume(node.masked) : null;
        if (masked?.source?.startsWith('\u0000') && !masked.target.includes('\u0000'))
          out.push({ source: null, target: masked.target, readOnly: isReadOnlyMode(masked.mode), node });
        continue;
      }
      const spec = parseVolume(source);
      if (spec?.type !== 'bind' || spec.source === null) continue;
      out.push({
        source: normalizeHostPath(spec.source),
        target: spec.target,
        readOnly: isReadOnlyMode(spec.mode),
        node,
      });
    } else if (node.kind === 'map') {
      const type = text(get(node, 'type'));
      const sourceNode = get(node, 'source');
      const source = sourceNode?.kind === 'scalar' ? knownPath(sourceNode) : null;
      if (source === null || (type !== 'bind' && !(type === null && isHostPath(source)))) continue;
      out.push({
        source: normalizeHostPath(source),
        target: text(get(node, 'target')) ?? '',
        readOnly: bool(get(node, 'read_only')) === true,
        node,
      });
    }
  }
  return out;
}

/** A path whose unknown part is only a leading `$HOME` counts as `~`; other unknown paths are null. */
function knownPath(node: ScalarNode): string | null {
  if (node.value === null) return null;
  if (!node.unresolved?.length) return String(node.value);
  const masked = node.masked ?? '';
  if (
    masked.indexOf('\u0000') === 0 &&
    masked.indexOf('\u0000', 1) === -1 &&
    /^\$\{?(HOME|USERPROFILE)\b/.test(node.template ?? '')
  )
    return `~${masked.slice(1)}`;
  return null;
}

export function normalizeHostPath(path: string): string {
  let p = path.trim().replace(/\\/g, '/');
  if (p.startsWith('//') && !p.startsWith('//./')) p = p.slice(1);
  p = p.replace(/\/{2,}/g, '/');
  if (p.length > 1 && p.endsWith('/')) p = p.replace(/\/+$/, '');
  return p;
}

const SOCKET = /(?:^|\/)(?:docker|containerd|crio|podman|dockershim|cri-dockerd)\.sock$/;
const SOCKET_DIRS = new Set([
  '/var/run',
  '/run',
  '/var/run/docker',
  '/run/docker',
  '/run/containerd',
  '/var/run/containerd',
  '/run/podman',
  '/var/run/podman',
  '/var/run/crio',
  '/run/crio',
]);

/** The mount gives the container the container engine's API (a socket, or the folder that holds it). */
export function isEngineSocket(source: string): boolean {
  return SOCKET.test(source) || SOCKET_DIRS.has(source) || source.startsWith('//./pipe/docker_engine');
}

/** Host folders that must never be mounted whole. */
const WHOLE = new Set([
  '/',
  '/etc',
  '/root',
  '/home',
  '/boot',
  '/usr',
  '/lib',
  '/lib64',
  '/bin',
  '/sbin',
  '/var',
  '/var/lib',
  '~',
]);
/** Host folders and files that are sensitive with everything under them. */
const SUBTREES = [
  '/proc',
  '/sys',
  '/dev',
  '/root',
  '/boot',
  '/var/lib/docker',
  '/var/lib/containerd',
  // The system D-Bus: systemd, NetworkManager, logind… act on root's behalf through it.
  '/var/run/dbus',
  '/run/dbus',
  '/var/lib/kubelet',
  '/etc/kubernetes',
  '/etc/docker',
  '/etc/ssh',
  '/etc/shadow',
  '/etc/gshadow',
  '/etc/sudoers',
  '/etc/sudoers.d',
  '~/.ssh',
  '~/.aws',
  '~/.kube',
  '~/.docker',
  '~/.gnupg',
  '~/.config/gcloud',
  '~/.azure',
];
/** Harmless host files commonly shared with containers (time zone, name resolution, a few devices). */
const HARMLESS = new Set([
  '/etc/localtime',
  '/etc/timezone',
  '/usr/share/zoneinfo',
  '/etc/hosts',
  '/etc/resolv.conf',
  '/etc/hostname',
  '/etc/machine-id',
  '/etc/os-release',
  '/dev/shm',
  '/dev/null',
  '/dev/urandom',
  '/dev/random',
  '/dev/snd',
  '/dev/dri',
  '/dev/net/tun',
  '/dev/fuse',
]);

/** A system folder mounted whole, or a path in a sensitive area (/proc, /sys, /dev, keys, credentials). */
export function sensitiveHostPath(source: string): boolean {
  if (HARMLESS.has(source) || isEngineSocket(source)) return false;
  if (WHOLE.has(source)) return true;
  if (/^\/home\/[^/]+\/\.(?:ssh|aws|kube|docker|gnupg)(?:\/|$)/.test(source)) return true;
  return SUBTREES.some((s) => source === s || source.startsWith(`${s}/`));
}
