import { at, atSentPath, contextRule, describeCopy, formatBytes, plural } from './lib/define.js';

export default contextRule({
  id: 'dependencies-in-context',
  code: 'DA6004',
  aliases: [],
  severity: 'warning',
  category: 'size',
  docs: {
    summary:
      'Local dependencies or caches (node_modules, .venv, __pycache__, target, …) are sent with the build context.',
    rationale:
      'Dependencies installed on the host are built for the host (other OS, other libc, other architecture) and are reinstalled in the image anyway; sending them slows every build, and a broad COPY puts them over the ones the image installed. Exclude them with `**/` so that every level is covered.',
    bad: 'COPY . .   # node_modules from the host lands on top of `npm ci`',
    good: '# .dockerignore\n**/node_modules\n**/__pycache__\n**/.venv',
  },
  messages: {
    default:
      '{path} ({files}, {size}) is sent with the build context; exclude it with `**/{name}` in .dockerignore',
    copied:
      '{path} ({files}, {size}) is copied into the image by {copy}; exclude it with `**/{name}` in .dockerignore',
  },
  check({ model, report }) {
    for (const dir of model.notableDirs) {
      if (dir.kind === 'vcs') continue;
      const name = dir.path.slice(dir.path.lastIndexOf('/') + 1);
      report({
        ...at(atSentPath(model, dir.path, dir.copiedBy)),
        messageId: dir.copiedBy.length > 0 ? 'copied' : 'default',
        data: {
          path: `${dir.path}/`,
          name,
          files: plural(dir.files, 'file'),
          size: formatBytes(dir.bytes),
          copy: dir.copiedBy.length > 0 ? describeCopy(dir.copiedBy[0]!) : '',
        },
      });
    }
  },
});
