import { at, atCopy, contextRule } from './lib/define.js';

export default contextRule({
  id: 'copy-source-not-sent',
  code: 'DA6007',
  aliases: [],
  severity: 'error',
  category: 'correctness',
  docs: {
    summary:
      'A COPY or ADD source matches nothing the build context sends: .dockerignore excludes it, or it does not exist.',
    rationale:
      'The build fails with "not found" when a source matches nothing. When the file exists but .dockerignore excludes it, add an exception (`!path`) after the excluding line or narrow the pattern.',
    bad: '# .dockerignore\n*.txt\n\n# Dockerfile\nCOPY requirements.txt .',
    good: '# .dockerignore\n*.txt\n!requirements.txt',
  },
  messages: {
    ignored: '{source} exists but .dockerignore excludes it ({rule}); the build fails with "not found"',
    missing: '{source} is not in the build context; the build fails with "not found"',
  },
  check({ model, report }) {
    if (!model.dockerfile) return;
    for (const m of model.missingSources) {
      const decided =
        m.reason === 'ignored' ? model.context.decidingPattern(m.source.replace(/^\/+/, '')) : null;
      report({
        ...at(atCopy(model, m.plan)),
        messageId: m.reason,
        data: {
          source: m.source,
          rule:
            decided && model.ignore
              ? `${model.ignore.file}:${decided.line} \`${decided.source}\``
              : 'a parent folder is excluded',
        },
      });
    }
  },
});
