import { dockerfileRule } from '../define.js';

export default dockerfileRule({
  id: 'redundant-target-platform',
  code: 'DA4065',
  aliases: ['DL3065', 'RedundantTargetPlatform'],
  severity: 'warning',
  category: 'maintainability',
  fixable: 'safe',
  docs: {
    summary: '`FROM --platform=$TARGETPLATFORM`, which is what FROM does anyway.',
    rationale:
      'A stage is built for the target platform unless told otherwise, so `--platform=$TARGETPLATFORM` only adds noise (and suggests the author meant `$BUILDPLATFORM`). The fix removes the flag.',
    bad: 'FROM --platform=$TARGETPLATFORM alpine:3.20',
    good: 'FROM alpine:3.20',
  },
  messages: {
    default: '--platform=$TARGETPLATFORM is the default; remove it (or did you mean $BUILDPLATFORM?)',
  },
  check({ model, report }) {
    const text = model.file.text;
    for (const stage of model.stages) {
      const flag = stage.from.platform;
      if (!flag || flag.value === null) continue;
      if (flag.value !== '$TARGETPLATFORM' && flag.value !== '${TARGETPLATFORM}') continue;
      let end = flag.span.end;
      while (text[end] === ' ' || text[end] === '\t') end++;
      report({ span: flag.span, fix: [{ start: flag.span.start, end, text: '' }] });
    }
  },
});
