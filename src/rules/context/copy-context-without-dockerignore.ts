import { contextPath } from '../../context/copy.js';
import { at, atCopy, contextRule, formatBytes, plural } from './lib/define.js';

export default contextRule({
  id: 'copy-context-without-dockerignore',
  code: 'DA6001',
  aliases: [],
  severity: 'warning',
  category: 'security',
  docs: {
    summary: 'A COPY or ADD takes the whole build context and no .dockerignore limits what it holds.',
    rationale:
      '`COPY . .` copies everything the context sends: version control history, local dependencies, test data, editor files and secrets such as .env files and keys. Without a .dockerignore all of it lands in the image and busts the layer cache on every change.',
    bad: 'COPY . .   # and no .dockerignore next to the Dockerfile or at the context root',
    good: '# .dockerignore\n**/.git\n**/node_modules\n**/.env\n\n# Dockerfile\nCOPY . .',
  },
  messages: {
    default:
      '{keyword} {source} copies the whole context ({files}, {size}) and there is no .dockerignore; run `dockaudit context --write` for a proposal',
  },
  check({ model, report }) {
    if (model.context.hasDockerignore || !model.dockerfile) return;
    for (const plan of model.copies) {
      if (!plan.wholeContext) continue;
      const source = plan.sources.find((s) => s.expanded !== null && contextPath(s.expanded) === '.');
      report({
        ...at(atCopy(model, plan)),
        data: {
          keyword: plan.instruction.keyword,
          source: source?.raw ?? '.',
          files: plural(model.walk.files, 'file'),
          size: formatBytes(model.walk.bytes),
        },
      });
    }
  },
});
