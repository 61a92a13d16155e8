import { dockerfileRule } from '../define.js';

export default dockerfileRule({
  id: 'healthcheck-missing',
  code: 'DA4057',
  aliases: ['DL3057'],
  severity: 'info',
  category: 'reliability',
  enabledByDefault: false,
  docs: {
    summary: 'The final image has no HEALTHCHECK (off by default).',
    rationale:
      'Without a HEALTHCHECK, Docker and Swarm only know whether the process runs, not whether it answers; a hung server stays "up". Only the image the build produces counts: its own stage and the stages it builds on (`FROM <stage>`); `HEALTHCHECK NONE` states that none is wanted. Orchestrators with their own probes (Kubernetes) do not need one, hence off by default.',
    bad: 'FROM nginx:1.27\nCOPY site /usr/share/nginx/html',
    good: 'FROM nginx:1.27\nCOPY site /usr/share/nginx/html\nHEALTHCHECK CMD ["wget", "-q", "--spider", "http://localhost/"]',
  },
  messages: { default: 'the image has no HEALTHCHECK (write HEALTHCHECK NONE if none is wanted)' },
  check({ model, report }) {
    const final = model.finalStage;
    if (!final) return;
    const lineage = model.lineageOf(final);
    if (lineage.some((s) => s.instructions.some((i) => i.keyword === 'HEALTHCHECK'))) return;
    report({ span: final.from.image?.span ?? final.from.keywordSpan });
  },
});
