import { dockerfileRule } from '../define.js';
import { expandKnown, withTriggers } from './lib/instructions.js';

const PROTOCOLS = new Set(['tcp', 'udp', 'sctp']);

export default dockerfileRule({
  id: 'expose-port-range',
  code: 'DA4011',
  aliases: ['DL3011'],
  severity: 'error',
  category: 'correctness',
  docs: {
    summary: 'EXPOSE with a port outside 0–65535 or that is not a port at all.',
    rationale:
      'TCP, UDP and SCTP ports are 16-bit numbers: BuildKit refuses `EXPOSE 80000`, and a malformed item (`EXPOSE 80/http`) fails the build too. Ranges (`8000-8010/tcp`) are checked end to end; build arguments are resolved first and items whose value is unknown are left alone.',
    bad: 'FROM nginx:1.27\nEXPOSE 80000',
    good: 'FROM nginx:1.27\nEXPOSE 8000',
  },
  messages: {
    default: 'port {port} is outside the range 0-65535',
    invalid: '"{item}" is not a port: write PORT, PORT-PORT, optionally /tcp, /udp or /sctp',
  },
  check({ model, report }) {
    for (const inst of withTriggers(model.file.instructions)) {
      if (inst.keyword !== 'EXPOSE') continue;
      for (const item of inst.items) {
        const e = expandKnown(model, item, inst.onbuild ?? inst);
        if (!e.complete) continue;
        const problem = checkPort(e.value);
        if (problem === null) continue;
        if (problem.kind === 'range') report({ span: item.span, data: { port: problem.port } });
        else report({ span: item.span, messageId: 'invalid', data: { item: e.value } });
      }
    }
  },
});

type PortProblem = { kind: 'range'; port: string } | { kind: 'invalid' };

/** Checks one EXPOSE item: `[host:]PORT[-PORT][/proto]`. */
export function checkPort(item: string): PortProblem | null {
  if (item === '') return null;
  let spec = item;
  const slash = spec.indexOf('/');
  if (slash !== -1) {
    if (!PROTOCOLS.has(spec.slice(slash + 1).toLowerCase())) return { kind: 'invalid' };
    spec = spec.slice(0, slash);
  }
  spec = spec.slice(spec.lastIndexOf(':') + 1);
  const parts = spec.split('-');
  if (parts.length > 2 || parts.some((p) => !/^\d+$/.test(p))) return { kind: 'invalid' };
  for (const p of parts) if (Number(p) > 65535) return { kind: 'range', port: p };
  if (parts.length === 2 && Number(parts[0]) > Number(parts[1])) return { kind: 'invalid' };
  return null;
}
