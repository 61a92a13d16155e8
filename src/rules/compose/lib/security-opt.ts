import type { Node, Service } from '../../../compose/model.js';
import { items, knownText } from '../../../compose/model.js';

/** `security_opt` entries as option name and value (`seccomp:unconfined` → seccomp, unconfined). */
export function securityOptions(service: Service): Array<{ name: string; value: string; node: Node }> {
  const out: Array<{ name: string; value: string; node: Node }> = [];
  for (const node of items(service.node.pairs.get('security_opt')?.value)) {
    const text = knownText(node);
    if (text === null) continue;
    const m = /^\s*([A-Za-z-]+)\s*(?:[:=]\s*(.*?))?\s*$/.exec(text);
    if (m) out.push({ name: m[1]!.toLowerCase(), value: (m[2] ?? '').toLowerCase(), node });
  }
  return out;
}

/** `no-new-privileges` is on (a bare option or `:true`). */
export function hasNoNewPrivileges(service: Service): boolean {
  return securityOptions(service).some(
    (o) => o.name === 'no-new-privileges' && (o.value === '' || o.value === 'true'),
  );
}
