import { posix } from 'node:path';
import { dockerfileRule } from '../define.js';

/** Sources that do not come from the build context: URLs, git repositories, heredocs. */
const NOT_CONTEXT = /^(?:<<|[a-z][a-z0-9+.-]*:\/\/|git@)/i;

export default dockerfileRule({
  id: 'copy-ignored-file',
  code: 'DA4354',
  aliases: ['CopyIgnoredFile'],
  severity: 'warning',
  category: 'correctness',
  docs: {
    summary:
      'COPY or ADD names a path that .dockerignore excludes from the build context (only with `lint --context DIR`).',
    rationale:
      'Docker never sends an excluded path to the builder, so the COPY fails with "not found", or a wildcard silently copies less than it seems to. Either the .dockerignore line is too broad (add an exception such as `!config/app.env`) or the COPY is stale. This rule needs the build context: it runs with `dockaudit lint --context DIR` and is silent otherwise. Sources from another stage (`--from`), URLs, git repositories and heredocs are not judged.',
    bad: '# .dockerignore excludes *.env\nFROM alpine:3.20\nCOPY app.env /etc/app/',
    good: '# .dockerignore excludes *.env\nFROM alpine:3.20\nCOPY app.conf /etc/app/',
  },
  messages: {
    default: '{keyword} source "{source}" is excluded by .dockerignore: the builder never receives it',
  },
  check({ model, report }) {
    const context = model.context;
    if (!context?.hasIgnoreFile) return;
    for (const inst of model.file.instructions) {
      if (inst.keyword !== 'COPY' && inst.keyword !== 'ADD') continue;
      if (inst.flags.some((f) => f.name === 'from')) continue;
      for (const word of inst.sources) {
        const { value, complete } = inst.json
          ? { value: word.value, complete: true }
          : model.expand(word, inst);
        if (!complete || NOT_CONTEXT.test(value)) continue;
        const path = posix.normalize(value.replace(/^\/+/, ''));
        if (path === '.' || path === '' || path.startsWith('../')) continue;
        if (context.isSent(path)) continue;
        report({ span: word.span, data: { keyword: inst.keyword, source: value } });
      }
    }
  },
});
