import { posix } from 'node:path';
import { dockerfileRule } from '../define.js';
import { expandKnown, stageOf, withTriggers } from './lib/instructions.js';

export default dockerfileRule({
  id: 'copy-from-root',
  code: 'DA4067',
  aliases: ['DL3067'],
  severity: 'warning',
  category: 'size',
  docs: {
    summary: '`COPY --from` of a whole filesystem (`/`) onto `/`.',
    rationale:
      "Copying another stage's entire root filesystem brings its package databases, caches, build tools and users along and overwrites the base image's files: the point of a multi-stage build is lost. Copy the folders the application needs. Copying into a stage built FROM scratch (squashing a filesystem into an empty image) is not reported.",
    bad: 'FROM golang:1.22 AS build\nRUN go build -o /out/app .\nFROM gcr.io/distroless/static\nCOPY --from=build / /',
    good: 'FROM golang:1.22 AS build\nRUN go build -o /out/app .\nFROM gcr.io/distroless/static\nCOPY --from=build /out/app /app',
  },
  messages: { default: 'copy only what the application needs instead of the whole filesystem of "{ref}"' },
  check({ model, report }) {
    for (const inst of withTriggers(model.file.instructions)) {
      if (inst.keyword !== 'COPY' || inst.sources.length !== 1 || !inst.destination) continue;
      const flag = inst.flags.find((f) => f.name === 'from');
      if (!flag?.value) continue;
      const at = inst.onbuild ?? inst;
      const src = expandKnown(model, inst.sources[0]!, at);
      const dest = expandKnown(model, inst.destination, at);
      if (!src.complete || !dest.complete) continue;
      if (posix.normalize(src.value) !== '/' || posix.normalize(dest.value) !== '/') continue;
      // Into an empty stage (FROM scratch) nothing is overwritten: that is how a filesystem is squashed.
      const stage = stageOf(model, inst);
      if (stage && !inst.onbuild && model.rootImageOf(stage).kind === 'scratch') continue;
      report({ span: inst.argsSpan, data: { ref: expandKnown(model, flag.value, at).value } });
    }
  },
});
