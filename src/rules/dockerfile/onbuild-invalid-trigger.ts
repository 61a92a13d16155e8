import { dockerfileRule } from '../define.js';

export default dockerfileRule({
  id: 'onbuild-invalid-trigger',
  code: 'DA1043',
  aliases: ['DL3043'],
  severity: 'error',
  category: 'correctness',
  docs: {
    summary: '`ONBUILD` with an `ONBUILD`, `FROM` or `MAINTAINER` trigger.',
    rationale:
      'Docker does not allow chaining ONBUILD, starting a stage or setting the deprecated maintainer from a trigger: the build that inherits the image fails when the trigger fires, far from the Dockerfile that caused it.',
    bad: 'FROM node:20\nONBUILD FROM node:20',
    good: 'FROM node:20\nONBUILD COPY . /app/',
  },
  messages: { default: '{trigger} cannot be an ONBUILD trigger' },
  check({ model, report }) {
    for (const inst of model.file.instructions) {
      if (inst.keyword !== 'ONBUILD' || !inst.trigger) continue;
      const t = inst.trigger;
      if (t.keyword === 'ONBUILD' || t.keyword === 'FROM' || t.keyword === 'MAINTAINER')
        report({ span: t.keywordSpan, data: { trigger: t.keyword } });
    }
  },
});
