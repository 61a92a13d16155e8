/** A port in short syntax: `[[HOST_IP:]PUBLISHED:]TARGET[/PROTOCOL]` (ranges and IPv6 allowed). */
export interface PortSpec {
  /** Host address as written (brackets removed); null when none is given (all interfaces). */
  hostIp: string | null;
  /** Published host port or range; null when the engine picks one; '' when written empty (`ip::80`). */
  published: string | null;
  target: string;
  protocol: string;
}

/** Reads a port in short syntax; null when it is not one. */
export function parsePort(spec: string): PortSpec | null {
  let s = spec.trim();
  if (!s) return null;
  let protocol = 'tcp';
  const slash = s.lastIndexOf('/');
  if (slash !== -1) {
    protocol = s.slice(slash + 1).toLowerCase();
    s = s.slice(0, slash);
  }
  const lastColon = s.lastIndexOf(':');
  if (lastColon === -1) return { hostIp: null, published: null, target: s, protocol };
  const target = s.slice(lastColon + 1);
  const rest = s.slice(0, lastColon);
  const hostColon = rest.lastIndexOf(':');
  if (hostColon === -1) return { hostIp: null, published: rest, target, protocol };
  let hostIp = rest.slice(0, hostColon);
  if (hostIp.startsWith('[') && hostIp.endsWith(']')) hostIp = hostIp.slice(1, -1);
  return { hostIp: hostIp === '' ? null : hostIp, published: rest.slice(hostColon + 1), target, protocol };
}

/** Host addresses that mean every interface. */
export function isAllInterfaces(hostIp: string | null): boolean {
  return hostIp === null || hostIp === '0.0.0.0' || hostIp === '::' || hostIp === '[::]';
}

/** The first port of a port or range (`8000-8010` → 8000); null when not a number. */
export function firstPort(port: string): number | null {
  const m = /^(\d+)(?:-(\d+))?$/.exec(port.trim());
  return m ? Number(m[1]) : null;
}
