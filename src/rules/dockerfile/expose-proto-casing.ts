import { dockerfileRule } from '../define.js';
import { isContiguous } from './lib/buildkit-text.js';
import { portSpecs } from './lib/expose-ports.js';

export default dockerfileRule({
  id: 'expose-proto-casing',
  code: 'DA1204',
  aliases: ['ExposeProtoCasing'],
  severity: 'warning',
  category: 'correctness',
  fixable: 'suggested',
  docs: {
    summary: 'An EXPOSE protocol not written in lowercase (`EXPOSE 53/UDP`).',
    rationale:
      'Docker validates the protocol without regard to case but records it as written, so the image says `53/UDP` while everything that reads ports (`docker run -P`, compose, orchestrators) expects `tcp`, `udp` or `sctp`. Write it in lowercase. The fix lowercases the protocol; it is a suggested fix because it changes the port key recorded in the image.',
    bad: 'FROM alpine:3.20\nEXPOSE 53/UDP 80/TCP',
    good: 'FROM alpine:3.20\nEXPOSE 53/udp 80/tcp',
  },
  messages: { default: 'protocol "{proto}" in EXPOSE {spec} should be lowercase: "{lower}"' },
  check({ model, report }) {
    for (const inst of model.file.instructions) {
      const expose = inst.keyword === 'ONBUILD' ? inst.trigger : inst;
      if (expose?.keyword !== 'EXPOSE') continue;
      for (const spec of portSpecs(expose, (raw) => model.expand(raw, inst))) {
        const lower = spec.proto.toLowerCase();
        if (spec.proto === lower) continue;
        const { word } = spec;
        const exact = spec.literal && isContiguous(word);
        const span = exact
          ? { start: word.span.start + spec.protoAt, end: word.span.start + spec.protoAt + spec.proto.length }
          : word.span;
        report({
          span,
          data: { proto: spec.proto, spec: spec.text, lower },
          fix: exact ? [{ ...span, text: lower }] : undefined,
        });
      }
    }
  },
});
