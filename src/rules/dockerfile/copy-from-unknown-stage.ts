import { dockerfileRule } from '../define.js';

export default dockerfileRule({
  id: 'copy-from-unknown-stage',
  code: 'DA4022',
  aliases: ['DL3022'],
  severity: 'warning',
  category: 'correctness',
  docs: {
    summary: '`COPY --from` names no earlier stage (and does not look like an image).',
    rationale:
      'A `--from` that matches no earlier stage is read as an image name: a typo in a stage name, or a stage defined further down, silently pulls an image from a registry instead (or fails). Stage indexes must point to an earlier stage. References with a registry, tag or digest (`nginx:1.27`) are images and not reported.',
    bad: 'FROM golang:1.22 AS build\nRUN go build -o /app .\nFROM debian:12\nCOPY --from=biuld /app /app',
    good: 'FROM golang:1.22 AS build\nRUN go build -o /app .\nFROM debian:12\nCOPY --from=build /app /app',
  },
  messages: {
    default: 'no stage named "{ref}" before this COPY; for an image, give a tag ({ref}:<tag>)',
    later: 'stage "{ref}" is defined after this COPY: move it before',
    index: 'there is no stage {ref} before this COPY',
  },
  check({ model, report }) {
    const graph = model.stageGraph;
    for (const deps of graph.dependencies) {
      for (const d of deps) {
        if (d.kind !== 'copy' || d.stage !== null || !d.complete || !d.flag) continue;
        const own = model.stages[d.instruction.stage];
        const ref = d.reference;
        if (own && (own.name === ref.toLowerCase() || ref === String(own.index))) continue;
        const span = d.flag.valueSpan ?? d.flag.span;
        if (/^\d+$/.test(ref)) report({ span, messageId: 'index', data: { ref } });
        else if (graph.byName.has(ref.toLowerCase())) report({ span, messageId: 'later', data: { ref } });
        else if (!/[:/@]/.test(ref)) report({ span, data: { ref } });
      }
    }
    // Copies in the preamble (before any FROM) have no stage at all.
    for (const inst of model.file.preamble) {
      if (inst.keyword !== 'COPY') continue;
      const flag = inst.flags.find((f) => f.name === 'from');
      if (!flag?.value) continue;
      const e = model.expand(flag.value, inst);
      if (!e.complete) continue;
      const span = flag.valueSpan ?? flag.span;
      if (/^\d+$/.test(e.value)) report({ span, messageId: 'index', data: { ref: e.value } });
      else if (!/[:/@]/.test(e.value)) report({ span, data: { ref: e.value } });
    }
  },
});
