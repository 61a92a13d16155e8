import type { RuleSettings } from '../../config/settings.js';
import { defineRule } from '../../core/rule.js';
import type { ImageAnalysis } from './lib/types.js';

function tagOf(ref: string): string | null {
  if (ref.includes('@')) return 'digest';
  const slash = ref.lastIndexOf('/');
  const colon = ref.indexOf(':', slash + 1);
  // An OCI layout's ref name is a bare tag ("1", "latest").
  if (colon === -1) return slash === -1 && !ref.includes('.') ? ref : null;
  return ref.slice(colon + 1);
}

export default defineRule<ImageAnalysis, RuleSettings>({
  id: 'image-latest-tag',
  code: 'DA7011',
  aliases: ['DKL-DI-0006'],
  severity: 'info',
  category: 'maintainability',
  target: 'image',
  docs: {
    summary: 'The image is tagged `latest`, or not tagged at all.',
    rationale:
      '`latest` names whatever was pushed last: deployments stop being reproducible and rollbacks impossible. Tag images with a version or a commit.',
    bad: 'docker build -t app .',
    good: 'docker build -t app:1.4.2 .',
  },
  messages: { default: 'the image is tagged {tag}; tag it with a version', untagged: 'the image has no tag' },
  check({ model, report }) {
    const { image, at } = model;
    const refs = image.reference ? [image.reference] : image.tags;
    if (refs.length === 0) {
      if (image.kind !== 'daemon' && image.kind !== 'registry')
        report({ span: at.image(), messageId: 'untagged' });
      return;
    }
    const tags = refs.map(tagOf);
    if (tags.every((t) => t === 'latest' || t === null))
      report({
        span: at.image(),
        data: { tag: refs.map((r) => (tagOf(r) === null ? `${r} (implicitly latest)` : r)).join(', ') },
      });
  },
});
