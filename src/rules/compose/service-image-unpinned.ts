import { knownText, pairOf } from '../../compose/model.js';
import { parseImageRef } from '../../core/image-ref.js';
import { composeRule } from './lib/define.js';

export default composeRule({
  id: 'service-image-unpinned',
  code: 'DA5001',
  aliases: [],
  severity: 'warning',
  category: 'reliability',
  docs: {
    summary: 'A service pulls an image without a tag, or with the `latest` tag.',
    rationale:
      'An image without a tag means `latest`, which moves: the same compose file starts different software from one day to the next, and a rollback cannot name what ran before. Pin a version tag (and a digest for full reproducibility). Services that `build` their image are not reported: `image` then only names the result.',
    bad: 'services:\n  web:\n    image: nginx',
    good: 'services:\n  web:\n    image: nginx:1.27-alpine',
  },
  messages: {
    untagged: 'service {service}: image "{image}" has no tag, so it is whatever `latest` is when pulled',
    latest: 'service {service}: image "{image}" uses the moving `latest` tag; pin a version',
  },
  check({ model, report }) {
    for (const service of model.services) {
      if (service.build) continue;
      const pair = pairOf(service.node, 'image');
      const image = knownText(pair?.value);
      if (!pair || !image) continue;
      const ref = parseImageRef(image);
      if (!ref || ref.digest) continue;
      if (ref.tag === null)
        report({ span: pair.value.span, messageId: 'untagged', data: { service: service.name, image } });
      else if (ref.tag === 'latest')
        report({ span: pair.value.span, messageId: 'latest', data: { service: service.name, image } });
    }
  },
});
