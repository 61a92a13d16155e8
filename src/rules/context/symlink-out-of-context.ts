import { at, atPath, contextRule } from './lib/define.js';

export default contextRule({
  id: 'symlink-out-of-context',
  code: 'DA6009',
  aliases: [],
  severity: 'info',
  category: 'correctness',
  docs: {
    summary: 'A symbolic link in the build context points outside it.',
    rationale:
      'Docker sends links as links and never follows them out of the context: COPY puts a dangling link into the image, not the file it points to on the host. Copy the target into the context, or mount it at build time.',
    bad: 'config.yaml -> /etc/myapp/config.yaml',
    good: 'RUN --mount=type=bind,from=config,target=/etc/myapp ...',
  },
  messages: {
    default: '{path} links to {target}, outside the build context; the image gets a dangling link',
  },
  check({ model, report }) {
    for (const link of model.walk.escapingLinks)
      report({ ...at(atPath(model, link.path)), data: { path: link.path, target: link.target ?? '' } });
  },
});
