import { dockerfileRule } from '../define.js';
import { expandKnown } from './lib/instructions.js';

export default dockerfileRule({
  id: 'copy-from-own-stage',
  code: 'DA4023',
  aliases: ['DL3023'],
  severity: 'error',
  category: 'correctness',
  docs: {
    summary: '`COPY --from` names the stage it is in.',
    rationale:
      'A stage cannot read files from itself: BuildKit fails with a circular dependency, or, for a name, treats it as an image to pull. Copy within a stage with RUN cp, or name the stage you meant.',
    bad: 'FROM node:20 AS build\nCOPY --from=build /app/dist /srv',
    good: 'FROM node:20 AS build\nRUN cp -r /app/dist /srv',
  },
  messages: { default: 'COPY --from={ref} refers to its own stage' },
  check({ model, report }) {
    for (const stage of model.stages) {
      for (const inst of stage.instructions) {
        if (inst.keyword !== 'COPY') continue;
        const flag = inst.flags.find((f) => f.name === 'from');
        if (!flag?.value) continue;
        const e = expandKnown(model, flag.value, inst);
        if (!e.complete) continue;
        const ref = e.value;
        if ((stage.name !== null && ref.toLowerCase() === stage.name) || ref === String(stage.index))
          report({ span: flag.valueSpan ?? flag.span, data: { ref } });
      }
    }
  },
});
