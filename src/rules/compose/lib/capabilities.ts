import type { Service } from '../../../compose/model.js';
import { items, knownText } from '../../../compose/model.js';

/** A capability name as Docker accepts it (`cap_net_admin`, `NET_ADMIN`) → `NET_ADMIN`. */
export function capabilityName(value: string): string {
  const upper = value.trim().toUpperCase();
  return upper.startsWith('CAP_') ? upper.slice(4) : upper;
}

/**
 * Capabilities that amount to host control or break isolation (mount, load modules, trace other
 * processes, read any file, change the network stack…).
 */
export const DANGEROUS_CAPABILITIES = new Set([
  'ALL',
  'SYS_ADMIN',
  'SYS_MODULE',
  'SYS_PTRACE',
  'SYS_RAWIO',
  'SYS_BOOT',
  'SYS_TIME',
  'DAC_READ_SEARCH',
  'NET_ADMIN',
  'MAC_ADMIN',
  'MAC_OVERRIDE',
  'BPF',
  'PERFMON',
  'SYSLOG',
]);

/** The capabilities the engine gives every container (Docker's and containerd's default set). */
export const DEFAULT_CAPABILITIES = new Set([
  'AUDIT_WRITE',
  'CHOWN',
  'DAC_OVERRIDE',
  'FOWNER',
  'FSETID',
  'KILL',
  'MKNOD',
  'NET_BIND_SERVICE',
  'NET_RAW',
  'SETFCAP',
  'SETGID',
  'SETPCAP',
  'SETUID',
  'SYS_CHROOT',
]);

/** Capabilities the service drops, by name (`ALL` included). */
export function droppedCapabilities(service: Service): Set<string> {
  const out = new Set<string>();
  for (const n of items(service.node.pairs.get('cap_drop')?.value)) {
    const v = knownText(n);
    if (v !== null) out.add(capabilityName(v));
  }
  return out;
}

/** The service drops every capability (`cap_drop: [ALL]`). */
export function dropsAll(service: Service): boolean {
  return items(service.node.pairs.get('cap_drop')?.value).some((n) => {
    const v = knownText(n);
    return v !== null && capabilityName(v) === 'ALL';
  });
}
