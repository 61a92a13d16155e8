import { at, atSentPath, contextRule, describeCopy, formatBytes } from './lib/define.js';

export default contextRule({
  id: 'vcs-folder-in-context',
  code: 'DA6003',
  aliases: [],
  severity: 'warning',
  category: 'security',
  docs: {
    summary: 'The version-control folder (.git, .hg, .svn) is sent with the build context.',
    rationale:
      'The .git folder holds the whole history, including secrets that were committed and removed, and it changes with every commit, so a broad COPY rebuilds every later layer. Exclude it (`**/.git`); pass the commit as a build argument if the image needs it.',
    bad: 'COPY . /app   # with .git in the context',
    good: '# .dockerignore\n**/.git',
  },
  messages: {
    default: '{path} ({size}) is sent with the build context; exclude it in .dockerignore',
    copied: '{path} ({size}) is copied into the image by {copy}; exclude it in .dockerignore',
  },
  check({ model, report }) {
    for (const dir of model.notableDirs) {
      if (dir.kind !== 'vcs') continue;
      report({
        ...at(atSentPath(model, dir.path, dir.copiedBy)),
        messageId: dir.copiedBy.length > 0 ? 'copied' : 'default',
        data: {
          path: `${dir.path}/`,
          size: formatBytes(dir.bytes),
          copy: dir.copiedBy.length > 0 ? describeCopy(dir.copiedBy[0]!) : '',
        },
      });
    }
  },
});
