import { dockerfileRule } from '../define.js';

export default dockerfileRule({
  id: 'unused-stage',
  code: 'DA4201',
  aliases: [],
  severity: 'info',
  category: 'maintainability',
  docs: {
    summary:
      'A build stage that the final stage does not use (neither `FROM` it nor `COPY --from` / `RUN --mount=from=` it, directly or through other stages).',
    rationale:
      'BuildKit builds only the stages the target needs, so an unused stage is dead code that still has to be read, maintained and, with the legacy builder, built. Remove it, or keep it on purpose as a separate target (`docker build --target name`) and say so in a comment.',
    bad: 'FROM node:20 AS deps\nRUN npm ci\nFROM node:20 AS test\nRUN npm test\nFROM node:20\nCOPY --from=deps /app/node_modules /app/node_modules',
    good: 'FROM node:20 AS deps\nRUN npm ci\nFROM node:20\nCOPY --from=deps /app/node_modules /app/node_modules',
  },
  messages: {
    default:
      'stage {stage} is not used by the final stage: BuildKit skips it; remove it or build it on purpose with --target',
  },
  check({ model, report }) {
    if (model.stages.length < 2) return;
    for (const stage of model.stages) {
      if (model.isReachable(stage)) continue;
      const word = stage.from.alias ?? stage.from.image;
      if (!word) continue;
      report({
        span: word.span,
        data: { stage: stage.name ? `"${stage.from.alias!.value}"` : `#${stage.index}` },
      });
    }
  },
});
