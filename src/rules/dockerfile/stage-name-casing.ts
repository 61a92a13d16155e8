import { dockerfileRule } from '../define.js';
import { replaceWord } from './lib/buildkit-text.js';

export default dockerfileRule({
  id: 'stage-name-casing',
  code: 'DA1200',
  aliases: ['StageNameCasing'],
  severity: 'style',
  category: 'maintainability',
  fixable: 'safe',
  docs: {
    summary: 'A stage name (`FROM … AS name`) that is not all lowercase.',
    rationale:
      'BuildKit lowercases stage names and matches `COPY --from`, `FROM <stage>` and `--target` without regard to case, so a mixed-case name is the same stage written differently in each place. Lowercase names keep identifiers apart from instruction keywords. The fix lowercases the name, which changes nothing in the build.',
    bad: 'FROM alpine:3.20 AS BuilderBase',
    good: 'FROM alpine:3.20 AS builder-base',
  },
  messages: { default: 'stage name "{name}" should be lowercase: "{lower}"' },
  check({ model, report }) {
    for (const stage of model.stages) {
      const alias = stage.from.alias;
      if (!alias) continue;
      const lower = alias.raw.toLowerCase();
      if (lower === alias.raw) continue;
      report({
        span: alias.span,
        data: { name: alias.raw, lower },
        fix: replaceWord(alias, lower) ?? undefined,
      });
    }
  },
});
