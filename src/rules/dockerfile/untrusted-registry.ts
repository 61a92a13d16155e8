import { parseImageRef } from '../../core/image-ref.js';
import type { Span } from '../../core/positions.js';
import { mountsOf } from '../../dockerfile/mounts.js';
import { dockerfileRule } from '../define.js';
import { expandKnown } from './lib/instructions.js';

const DOCKER_HUB = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io', 'hub.docker.com']);

export default dockerfileRule({
  id: 'untrusted-registry',
  code: 'DA3026',
  aliases: ['DL3026'],
  severity: 'error',
  category: 'security',
  docs: {
    summary: 'An image from a registry that is not in `trustedRegistries`.',
    rationale:
      'When a team only trusts some registries (a mirror, its own registry), a base image, a `COPY --from` image or a `RUN --mount=from=` image from anywhere else bypasses that control. Configure `trustedRegistries` (or `--trusted-registry`); `*.example.com` matches subdomains and `*` anything. Images without a registry come from docker.io. The rule is silent while no registry is configured.',
    bad: 'FROM quay.io/acme/app:1.0',
    good: 'FROM registry.example.com/acme/app:1.0',
    config: { trustedRegistries: ['registry.example.com'] },
  },
  messages: { default: 'image "{image}" comes from {registry}, which is not a trusted registry' },
  check({ model, settings, report }) {
    const trusted = settings.trustedRegistries.map((r) => normalize(r.trim()));
    if (trusted.length === 0) return;
    const isTrusted = (registry: string) =>
      trusted.some(
        (t) => t === '*' || t === registry || (t.startsWith('*.') && registry.endsWith(t.slice(1))),
      );
    const check = (image: string, span: Span) => {
      const ref = parseImageRef(image);
      if (!ref) return;
      const registry = normalize(ref.registry);
      if (!isTrusted(registry)) report({ span, data: { image, registry } });
    };
    const byName = model.stageGraph.byName;
    const isStage = (ref: string, before: number) => {
      const named = byName.get(ref.toLowerCase());
      if (named !== undefined && named < before) return true;
      return /^\d+$/.test(ref) || ref.toLowerCase() === 'context';
    };
    for (const stage of model.stages) {
      const base = model.baseOf(stage);
      if (base.kind === 'image' && base.complete && stage.from.image) check(base.text, stage.from.image.span);
    }
    for (const inst of model.file.instructions) {
      const before = inst.stage < 0 ? 0 : inst.stage;
      if (inst.keyword === 'COPY') {
        const flag = inst.flags.find((f) => f.name === 'from');
        if (!flag?.value) continue;
        const e = expandKnown(model, flag.value, inst);
        if (e.complete && !isStage(e.value, before)) check(e.value, flag.valueSpan ?? flag.span);
      } else if (inst.keyword === 'RUN') {
        for (const m of mountsOf(inst.flags)) {
          if (!m.from) continue;
          const e = expandKnown(model, m.from, inst);
          if (e.complete && !isStage(e.value, before)) check(e.value, m.flag.valueSpan ?? m.flag.span);
        }
      }
    }
  },
});

function normalize(registry: string): string {
  const r = registry.toLowerCase();
  return DOCKER_HUB.has(r) ? 'docker.io' : r;
}
