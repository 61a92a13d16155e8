import { dockerfileRule } from '../define.js';
import { expandKnown, withTriggers } from './lib/instructions.js';

export default dockerfileRule({
  id: 'copy-dest-not-dir',
  code: 'DA4021',
  aliases: ['DL3021'],
  severity: 'error',
  category: 'correctness',
  fixable: 'safe',
  docs: {
    summary: 'COPY or ADD of several sources to a destination that does not end with `/`.',
    rationale:
      'With more than one source the destination must be a folder, and Docker requires it to be written with a trailing slash; otherwise the build fails. `.` and `..` are folders already. With `lint --context`, a single wildcard source matching several files is checked too. The fix adds the slash.',
    bad: 'FROM node:20\nCOPY package.json package-lock.json /app',
    good: 'FROM node:20\nCOPY package.json package-lock.json /app/',
  },
  messages: { default: 'end the destination "{dest}" with / when copying several sources' },
  check({ model, report }) {
    for (const inst of withTriggers(model.file.instructions)) {
      if ((inst.keyword !== 'COPY' && inst.keyword !== 'ADD') || !inst.destination) continue;
      const at = inst.onbuild ?? inst;
      if (inst.sources.length < 2 && !matchesSeveral(model, inst.sources[0]?.value, inst.flags.length))
        continue;
      const dest = expandKnown(model, inst.destination, at);
      if (!dest.complete || isFolderSpelling(dest.value)) continue;
      const word = inst.destination;
      const quoted = /["']$/.test(word.raw) && word.raw.length > 1;
      const at2 = quoted ? word.span.end - 1 : word.span.end;
      report({ span: word.span, data: { dest: dest.value }, fix: [{ start: at2, end: at2, text: '/' }] });
    }
  },
});

function isFolderSpelling(path: string): boolean {
  return path.endsWith('/') || path.endsWith('\\') || path === '.' || path === '..' || path.endsWith('/.');
}

/** A single wildcard source that matches several files of the build context (when it is known). */
function matchesSeveral(
  model: import('../../dockerfile/analysis.js').DockerfileAnalysis,
  source: string | undefined,
  flags: number,
): boolean {
  if (!source || flags > 0 || !model.context || !/[*?[]/.test(source)) return false;
  return model.context.matches(source).length > 1;
}
