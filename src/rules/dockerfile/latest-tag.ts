import { dockerfileRule } from '../define.js';

export default dockerfileRule({
  id: 'latest-tag',
  code: 'DA4007',
  aliases: ['DL3007'],
  severity: 'warning',
  category: 'reliability',
  docs: {
    summary: 'A base image pinned to the `latest` tag.',
    rationale:
      '`latest` moves: the same Dockerfile builds a different image tomorrow, and a rebuild can break or pull in vulnerabilities silently. Pin a release tag (and a digest for full reproducibility). Build arguments are resolved first, so `FROM node:${NODE}` with `ARG NODE=latest` is caught too.',
    bad: 'FROM python:latest',
    good: 'FROM python:3.12-slim',
  },
  messages: { default: 'pin a version instead of "{image}": latest changes under you' },
  check({ model, report }) {
    for (const stage of model.stages) {
      const base = model.baseOf(stage);
      if (base.kind !== 'image' || !base.ref || base.ref.digest) continue;
      if (base.ref.tag !== 'latest') continue;
      report({ span: stage.from.image!.span, data: { image: base.text } });
    }
  },
});
