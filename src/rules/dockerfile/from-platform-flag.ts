import { dockerfileRule } from '../define.js';
import { expandKnown } from './lib/instructions.js';

export default dockerfileRule({
  id: 'from-platform-flag',
  code: 'DA4029',
  aliases: ['DL3029'],
  severity: 'warning',
  category: 'reliability',
  docs: {
    summary: '`FROM --platform` with a fixed platform.',
    rationale:
      'A hard-coded platform (`--platform=linux/amd64`) makes the stage build for that platform whatever `docker build --platform` asks for, so multi-platform builds quietly ship the wrong architecture or run under emulation. Use `$BUILDPLATFORM` for build stages that cross-compile; a platform taken from a build argument is left to the caller and not reported.',
    bad: 'FROM --platform=linux/amd64 golang:1.22',
    good: 'FROM --platform=$BUILDPLATFORM golang:1.22',
  },
  messages: {
    default: 'do not pin the platform of FROM to "{platform}"; use $BUILDPLATFORM or drop the flag',
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      const flag = stage.from.platform;
      if (!flag || flag.value === null) continue;
      const e = expandKnown(model, flag.value, stage.from);
      if (!e.complete) continue;
      report({ span: flag.valueSpan ?? flag.span, data: { platform: e.value } });
    }
  },
});
