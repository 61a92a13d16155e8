import type { RuleSettings } from '../../config/settings.js';
import { defineRule } from '../../core/rule.js';
import type { ImageAnalysis } from './lib/types.js';

export default defineRule<ImageAnalysis, RuleSettings>({
  id: 'image-no-healthcheck',
  code: 'DA7002',
  aliases: ['CIS-DI-0006'],
  severity: 'info',
  category: 'reliability',
  target: 'image',
  docs: {
    summary: 'The image has no HEALTHCHECK.',
    rationale:
      'Without a health check, Docker and Swarm only know whether the process runs, not whether it works; a hung service is never restarted.',
    bad: 'FROM nginx\nCOPY site /usr/share/nginx/html',
    good: 'FROM nginx\nCOPY site /usr/share/nginx/html\nHEALTHCHECK CMD curl -fsS http://127.0.0.1/ || exit 1',
  },
  messages: {
    default: 'the image has no HEALTHCHECK',
    disabled: 'the image disables its health check (HEALTHCHECK NONE)',
    oci: 'the image has no HEALTHCHECK (an OCI image config cannot hold one: build with the Docker format to keep it)',
  },
  check({ model, report }) {
    const { image, at } = model;
    const test = image.config.config.Healthcheck?.Test;
    if (test && test.length > 0 && test[0] !== 'NONE') return;
    if (test?.[0] === 'NONE') report({ span: at.lastStep('HEALTHCHECK'), messageId: 'disabled' });
    else if (image.kind === 'oci-layout' || image.kind === 'oci-archive')
      report({ span: at.image(), messageId: 'oci' });
    else report({ span: at.image() });
  },
});
