import { dockerfileRule } from '../define.js';

export default dockerfileRule({
  id: 'untagged-image',
  code: 'DA4006',
  aliases: ['DL3006'],
  severity: 'warning',
  category: 'reliability',
  docs: {
    summary: 'A base image without a tag or digest.',
    rationale:
      'Without a tag Docker pulls `latest`, which moves: the same Dockerfile builds a different image tomorrow. Name the release you tested with (and a digest for full reproducibility). Build arguments are resolved first, so `ARG BASE=python` then `FROM $BASE` is caught; earlier stages, `scratch` and arguments without a known value are not reported.',
    bad: 'FROM python',
    good: 'FROM python:3.12-slim',
  },
  messages: { default: 'pin a tag for "{image}": without one Docker pulls latest' },
  check({ model, report }) {
    for (const stage of model.stages) {
      const base = model.baseOf(stage);
      if (base.kind !== 'image' || !base.complete || !base.ref) continue;
      if (base.ref.tag || base.ref.digest) continue;
      report({ span: stage.from.image!.span, data: { image: base.text } });
    }
  },
});
