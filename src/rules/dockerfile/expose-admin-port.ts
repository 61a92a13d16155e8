import type { Severity } from '../../core/finding.js';
import { dockerfileRule } from '../define.js';

interface AdminPort {
  service: string;
  advice: string;
  severity: Severity;
}

const ADMIN_PORTS = new Map<number, AdminPort>([
  [
    22,
    {
      service: 'SSH',
      advice:
        'administer containers with `docker exec` / `kubectl exec`, not an SSH server (unless SSH is the service itself, as in a git server)',
      severity: 'warning',
    },
  ],
  [23, { service: 'Telnet', advice: 'Telnet sends passwords in clear text; remove it', severity: 'warning' }],
  [
    2375,
    {
      service: 'the unencrypted Docker API',
      advice: 'whoever reaches it owns the host',
      severity: 'warning',
    },
  ],
  [2376, { service: 'the Docker API', advice: 'whoever reaches it owns the host', severity: 'warning' }],
  [
    3389,
    { service: 'RDP', advice: 'do not run a remote desktop in a production image', severity: 'warning' },
  ],
  [5985, { service: 'WinRM', advice: 'use `docker exec` instead of remote management', severity: 'warning' }],
  [5986, { service: 'WinRM', advice: 'use `docker exec` instead of remote management', severity: 'warning' }],
  [
    10250,
    {
      service: 'the kubelet API',
      advice: 'a kubelet port in an image is almost always a mistake',
      severity: 'warning',
    },
  ],
  [5900, { service: 'VNC', advice: 'keep remote desktops to debug images', severity: 'info' }],
  [5901, { service: 'VNC', advice: 'keep remote desktops to debug images', severity: 'info' }],
]);

/** `22`, `22/tcp`, `5900-5910/tcp` → the admin ports it covers (at most one per range). */
function adminPortsOf(item: string): number[] {
  const m = /^(\d{1,5})(?:-(\d{1,5}))?(?:\/(?:tcp|udp|sctp))?$/i.exec(item.trim());
  if (!m) return [];
  const lo = Number(m[1]);
  const hi = m[2] ? Number(m[2]) : lo;
  if (hi - lo > 1000) return [];
  const out: number[] = [];
  for (const p of ADMIN_PORTS.keys()) if (p >= lo && p <= hi) out.push(p);
  return out.sort((a, b) => a - b).slice(0, 1);
}

export default dockerfileRule({
  id: 'expose-admin-port',
  code: 'DA3107',
  aliases: [],
  severity: 'warning',
  category: 'security',
  docs: {
    summary:
      'EXPOSE of a remote-administration port (22 SSH, 23 Telnet, 2375/2376 Docker API, 3389 RDP, 5985/5986 WinRM, 10250 kubelet, 5900/5901 VNC).',
    rationale:
      'Containers are administered through the container runtime (`docker exec`, `kubectl exec`), not through an SSH server or a remote desktop inside them: such a service adds a long-lived credential, a privileged daemon and an attack surface to every replica. Publish only the ports the application serves. VNC is reported as info (debug images use it on purpose).',
    bad: 'FROM debian:12\nRUN apt-get update && apt-get install -y openssh-server\nEXPOSE 22 8080',
    good: 'FROM debian:12\nEXPOSE 8080',
  },
  messages: { default: 'EXPOSE {port} publishes {service}: {advice}' },
  check({ model, report }) {
    for (const inst of model.file.instructions) {
      const expose = inst.keyword === 'ONBUILD' ? inst.trigger : inst;
      if (expose?.keyword !== 'EXPOSE') continue;
      for (const item of expose.items) {
        const e = model.expand(item, expose);
        if (!e.complete) continue;
        for (const port of adminPortsOf(e.value)) {
          const info = ADMIN_PORTS.get(port)!;
          report({
            span: item.span,
            data: { port: e.value, service: info.service, advice: info.advice },
            severity: info.severity,
          });
        }
      }
    }
  },
});
