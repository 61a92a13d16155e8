import { at, atIgnoreLine, contextRule } from './lib/define.js';

export default contextRule({
  id: 'dockerignore-root-only-pattern',
  code: 'DA6008',
  aliases: [],
  severity: 'warning',
  category: 'correctness',
  docs: {
    summary: 'A .dockerignore line matches only at the context root, while the files it names sit deeper.',
    rationale:
      'Unlike .gitignore, .dockerignore patterns are anchored at the context root: `__pycache__` or `*.pyc` leave out only top-level entries, and `app/__pycache__/` is still sent. Prefix the pattern with `**/` to match at every level.',
    bad: '__pycache__/\n*.pyc',
    good: '**/__pycache__\n**/*.pyc',
  },
  messages: {
    default: '`{pattern}` matches only at the context root, but {example} is sent; write `**/{pattern}`',
  },
  check({ model, report }) {
    if (!model.ignore) return;
    for (const r of model.rootOnlyPatterns)
      report({
        ...at(atIgnoreLine(model, r.pattern)),
        data: { pattern: r.pattern.pattern, example: r.deeper[0]! },
      });
  },
});
